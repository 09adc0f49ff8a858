package io.atelier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a QR code SVG as a phone would (RO7): its path drawn into a picture, then decoded by
 * ZXing's reader. The drawing reads only what {@code QrCodeSvg} writes (one path of row runs), and
 * fails on anything else, so a change of shape is noticed.
 */
public final class QrDecoding {
  private QrDecoding() {}

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern PATH = Pattern.compile("<path fill=\"#000000\" d=\"([^\"]*)\"/>");
  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

  /** What a phone would read from the SVG: the drawn modules, decoded by ZXing's own reader. */
  public static String decode(String svg) {
    return read(draw(svg, 6));
  }

  /** The SVG drawn as a picture, {@code scale} pixels a module, from its path's rectangles. */
  public static BufferedImage draw(String svg, int scale) {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).as("a viewBox").isTrue();
    int size = Integer.parseInt(box.group(1));
    assertThat(Integer.parseInt(box.group(2))).as("square").isEqualTo(size);
    Matcher path = PATH.matcher(svg);
    assertThat(path.find()).as("one black path").isTrue();
    String d = path.group(1);
    assertThat(path.find()).as("only one path").isFalse();
    BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    Matcher run = RUN.matcher(d);
    int consumed = 0;
    while (run.find()) {
      assertThat(run.start()).as("nothing but runs in the path").isLessThanOrEqualTo(consumed + 1);
      consumed = run.end();
      int x = Integer.parseInt(run.group(1));
      int y = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      assertThat(run.group(4)).isEqualTo(run.group(3));
      g.fillRect(x * scale, y * scale, width * scale, scale);
    }
    assertThat(consumed).as("the whole path is runs").isEqualTo(d.length());
    g.dispose();
    return image;
  }

  public static String read(BufferedImage image) {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    try {
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(source)),
              Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
          .getText();
    } catch (Exception e) {
      throw new AssertionError("the QR code does not decode", e);
    }
  }
}
