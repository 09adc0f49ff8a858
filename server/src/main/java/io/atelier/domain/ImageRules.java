package io.atelier.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rules of the images a facilitator uploads for the agenda's content steps: PNG or JPEG whose
 * bytes match the declared type, at most {@link #MAX_BYTES} each and {@link #MAX_PER_WORKSHOP} per
 * workshop. An image is named by the SHA-256 of its bytes, so the same upload twice is one image.
 * The per-workshop count is kept by each store, atomically with the write (ADR 0009).
 */
public final class ImageRules {
  /** 2 MiB: a screenshot or a photo resized for a screen; the whole upload is held in memory. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** Enough for the steps of a long agenda; bounds a workshop at 100 MiB of images. */
  public static final int MAX_PER_WORKSHOP = 50;

  private static final int ID_LENGTH = 64;

  private ImageRules() {}

  /**
   * The format of an upload, or why it is refused: the declared type first, then the size, then
   * that the bytes start like a file of that type.
   *
   * @throws ImageRefusedException naming the rule broken
   */
  public static ImageFormat check(String contentType, byte[] bytes) {
    ImageFormat format =
        ImageFormat.ofContentType(contentType)
            .orElseThrow(
                () ->
                    new ImageRefusedException(
                        ImageRefusedException.Reason.UNSUPPORTED_TYPE,
                        "an image must be image/png or image/jpeg, not " + contentType));
    if (bytes == null || bytes.length == 0) {
      throw new ImageRefusedException(
          ImageRefusedException.Reason.NOT_THAT_TYPE, "the image is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ImageRefusedException(
          ImageRefusedException.Reason.TOO_LARGE,
          "an image may hold at most " + MAX_BYTES + " bytes (2 MiB), not " + bytes.length);
    }
    if (!format.startsWithSignature(bytes)) {
      throw new ImageRefusedException(
          ImageRefusedException.Reason.NOT_THAT_TYPE,
          "the bytes are not those of a " + format.contentType() + " file");
    }
    return format;
  }

  /** The refusal of one image too many, for the stores that count. */
  public static ImageRefusedException tooMany() {
    return new ImageRefusedException(
        ImageRefusedException.Reason.TOO_MANY,
        "a workshop may hold at most " + MAX_PER_WORKSHOP + " images");
  }

  /** The id of an image: the lowercase hexadecimal SHA-256 of its bytes. */
  public static String idOf(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether a text can be an image id (64 lowercase hexadecimal digits): what a path may hold. */
  public static boolean isImageId(String value) {
    if (value == null || value.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
