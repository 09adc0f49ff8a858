package io.atelier.testing;

import io.atelier.domain.ImageRules;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Images for tests: real files written by the JDK's ImageIO (each seed gives other pixels, so other
 * bytes), and files that are only the right signature padded to a size, for the size limits.
 */
public final class TestImages {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private TestImages() {}

  public static byte[] png(int seed) {
    return write("png", seed);
  }

  public static byte[] jpeg(int seed) {
    return write("jpeg", seed);
  }

  public static byte[] gif(int seed) {
    return write("gif", seed);
  }

  /** The PNG signature followed by zeros up to {@code size} bytes: a PNG to the limit checks. */
  public static byte[] pngOfSize(int size) {
    byte[] bytes = Arrays.copyOf(PNG_SIGNATURE, size);
    bytes[size - 1] = 1; // Not only zeros after the signature.
    return bytes;
  }

  /** One byte above {@link ImageRules#MAX_BYTES}. */
  public static byte[] justTooLarge() {
    return pngOfSize(ImageRules.MAX_BYTES + 1);
  }

  /** The expected id, computed here rather than by the code under test. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] write(String format, int seed) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, (seed * 7919 + x * 31 + y * 131) * 2654435 & 0xffffff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new AssertionError("ImageIO cannot write " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
