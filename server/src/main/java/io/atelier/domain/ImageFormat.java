package io.atelier.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats a facilitator may upload, each with the bytes every file of that format starts
 * with. Those bytes, not the declared type, decide what a file is: a browser is told the type we
 * checked, so nothing uploaded can be served as something else.
 */
public enum ImageFormat {
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
  /** Start of image (FF D8) and the first marker's FF. */
  JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

  private final String contentType;
  private final byte[] signature;

  ImageFormat(String contentType, byte[] signature) {
    this.contentType = contentType;
    this.signature = signature;
  }

  /** The media type it is stored and served with. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format of a declared media type, parameters and case aside ({@code image/PNG;
   * charset=binary} is PNG); empty for any other type.
   */
  public static Optional<ImageFormat> ofContentType(String declared) {
    if (declared == null) {
      return Optional.empty();
    }
    int parameters = declared.indexOf(';');
    String type =
        (parameters < 0 ? declared : declared.substring(0, parameters))
            .strip()
            .toLowerCase(Locale.ROOT);
    for (ImageFormat format : values()) {
      if (format.contentType.equals(type)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Whether the bytes start with this format's signature. */
  public boolean startsWithSignature(byte[] bytes) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (bytes[i] != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
