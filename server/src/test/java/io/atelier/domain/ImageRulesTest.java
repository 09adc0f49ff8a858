package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.ImageRefusedException.Reason;
import io.atelier.testing.TestImages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRulesTest {
  private static Reason refusal(String contentType, byte[] bytes) {
    try {
      ImageRules.check(contentType, bytes);
    } catch (ImageRefusedException e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + contentType);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"image/png", "IMAGE/PNG", " image/png ; charset=binary"})
  @DisplayName("the declared type is read without its case or parameters")
  void declaredPng(String declared) {
    assertThat(ImageRules.check(declared, TestImages.png(1))).isEqualTo(ImageFormat.PNG);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"image/gif", "image/svg+xml", "image/webp", "text/html", "image/", ""})
  @DisplayName("any type but image/png and image/jpeg is refused, whatever the bytes")
  void otherTypes(String declared) {
    assertThat(refusal(declared, TestImages.png(1))).isEqualTo(Reason.UNSUPPORTED_TYPE);
  }

  @Test
  @DisplayName("the bytes must start with the declared type's signature")
  void signatures() {
    assertThat(ImageRules.check("image/jpeg", TestImages.jpeg(1))).isEqualTo(ImageFormat.JPEG);
    assertThat(refusal("image/jpeg", TestImages.png(1))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal("image/png", TestImages.jpeg(1))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal("image/png", TestImages.gif(1))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal("image/png", "<svg onload=alert(1)>".getBytes()))
        .isEqualTo(Reason.NOT_THAT_TYPE);
    // Shorter than the signature: a prefix of it is not a PNG.
    assertThat(refusal("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
        .isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8}))
        .isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal("image/png", new byte[0])).isEqualTo(Reason.NOT_THAT_TYPE);
  }

  @Test
  @DisplayName("2 MiB is the largest image; one byte more is refused as too large")
  void size() {
    assertThat(ImageRules.MAX_BYTES).isEqualTo(2 * 1024 * 1024);
    assertThat(ImageRules.check("image/png", TestImages.pngOfSize(ImageRules.MAX_BYTES)))
        .isEqualTo(ImageFormat.PNG);
    assertThat(refusal("image/png", TestImages.justTooLarge())).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  @DisplayName("an image's id is the lowercase hex SHA-256 of its bytes; only such ids are valid")
  void ids() {
    byte[] png = TestImages.png(1);
    String id = ImageRules.idOf(png);
    assertThat(id).isEqualTo(TestImages.sha256(png)).hasSize(64);
    assertThat(ImageRules.isImageId(id)).isTrue();
    assertThat(ImageRules.isImageId(id.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(ImageRules.isImageId(id.substring(1))).isFalse();
    assertThat(ImageRules.isImageId(id.substring(1) + "g")).isFalse();
    assertThat(ImageRules.isImageId("../" + id.substring(3))).isFalse();
    assertThat(ImageRules.isImageId(null)).isFalse();
  }

  @Test
  @DisplayName("the refusal of one image too many names the limit, 50")
  void tooMany() {
    assertThat(ImageRules.MAX_PER_WORKSHOP).isEqualTo(50);
    assertThat(ImageRules.tooMany().reason()).isEqualTo(Reason.TOO_MANY);
    assertThat(ImageRules.tooMany()).hasMessageContaining("50 images");
  }
}
