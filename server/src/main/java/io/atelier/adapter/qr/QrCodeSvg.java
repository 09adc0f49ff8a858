package io.atelier.adapter.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code as a small SVG document: a white square and one black path, in module units, with the
 * quiet zone the standard asks for around it. It scales to any size without blur (the projector
 * shows it a third of the screen high) and carries no script, no style and no link, so the strict
 * Content-Security-Policy of every answer holds for it too.
 */
public final class QrCodeSvg {
  /** The quiet zone, in modules, on each side: what ISO/IEC 18004 requires for a reliable scan. */
  public static final int QUIET_ZONE = 4;

  /**
   * Medium error correction (about 15 % of the code may be lost): a join link stays a small code
   * with large modules, readable from the back of a room, and survives a projector's glare.
   */
  private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

  /** Pixels per module of the SVG's own width and height, when a page gives it no size. */
  private static final int DEFAULT_PIXELS_PER_MODULE = 8;

  private QrCodeSvg() {}

  /** The code of {@code text} (a URL: ASCII, at most a few hundred characters). */
  public static String of(String text) {
    ByteMatrix modules = modules(text);
    int size = modules.getWidth() + 2 * QUIET_ZONE;
    int pixels = size * DEFAULT_PIXELS_PER_MODULE;
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        .append(" viewBox=\"0 0 ")
        .append(size)
        .append(' ')
        .append(size)
        .append("\" width=\"")
        .append(pixels)
        .append("\" height=\"")
        .append(pixels)
        .append("\" shape-rendering=\"crispEdges\">")
        .append("<rect width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" fill=\"#ffffff\"/>")
        .append("<path fill=\"#000000\" d=\"");
    appendDarkRuns(svg, modules);
    svg.append("\"/></svg>\n");
    return svg.toString();
  }

  /** The modules of the code, without the quiet zone: true where a module is dark. */
  static ByteMatrix modules(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a QR code needs a text");
    }
    // A URL is ASCII: encoded as such, the code carries no character-set marker (ECI) that some
    // older scanners stumble on. Anything else is said to be UTF-8.
    Map<EncodeHintType, Object> hints =
        StandardCharsets.US_ASCII.newEncoder().canEncode(text)
            ? Map.of()
            : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    try {
      return Encoder.encode(text, LEVEL, hints).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "cannot encode a QR code of " + text.length() + " chars", e);
    }
  }

  /**
   * Each row's runs of dark modules as one rectangle each ({@code M x y h w v1 h-w z}): a few
   * hundred short commands for a join link, one path, no gaps between touching modules.
   */
  private static void appendDarkRuns(StringBuilder path, ByteMatrix modules) {
    boolean first = true;
    for (int y = 0; y < modules.getHeight(); y++) {
      int x = 0;
      while (x < modules.getWidth()) {
        if (modules.get(x, y) != 1) {
          x++;
          continue;
        }
        int start = x;
        while (x < modules.getWidth() && modules.get(x, y) == 1) {
          x++;
        }
        int run = x - start;
        if (!first) {
          path.append(' ');
        }
        first = false;
        path.append('M')
            .append(start + QUIET_ZONE)
            .append(' ')
            .append(y + QUIET_ZONE)
            .append('h')
            .append(run)
            .append("v1h-")
            .append(run)
            .append('z');
      }
    }
  }
}
