package io.atelier.application;

import io.atelier.domain.ImageFormat;
import io.atelier.domain.ImageRules;
import java.util.Arrays;
import java.util.Objects;

/**
 * An image of a workshop as stored: its id (the SHA-256 of its bytes), its checked content type and
 * its bytes. The bytes are shared, not copied (up to 2 MiB each): nobody may change them.
 */
public record StoredImage(String id, String contentType, byte[] bytes) {
  public StoredImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** An image whose bytes passed {@link ImageRules#check}, named by their hash. */
  public static StoredImage of(ImageFormat format, byte[] bytes) {
    return new StoredImage(ImageRules.idOf(bytes), format.contentType(), bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredImage that
        && id.equals(that.id)
        && contentType.equals(that.contentType)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "StoredImage[" + id + ", " + contentType + ", " + bytes.length + " bytes]";
  }
}
