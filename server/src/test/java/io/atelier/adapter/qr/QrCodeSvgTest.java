package io.atelier.adapter.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.testing.QrDecoding;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodeSvgTest {
  @ParameterizedTest(name = "RO7 the SVG decodes back to {0}")
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/w/AbCdEfGhIjKlMnOpQrStUv",
        "https://atelier.example.org/w/Zx_-09aBcDeFgHiJkLmNoP",
        "https://ateliers.exemple.québec/w/démo"
      })
  void decodesToTheLink(String url) {
    assertThat(QrDecoding.decode(QrCodeSvg.of(url))).isEqualTo(url);
  }

  @Test
  @DisplayName("RO7 a quiet zone of four light modules on every side, square modules, one path")
  void quietZoneAndShape() {
    String svg = QrCodeSvg.of("https://atelier.example.org/w/AbCdEfGhIjKlMnOpQrStUv");
    BufferedImage image = QrDecoding.draw(svg, 1);
    int size = image.getWidth();
    // Version 3 or 4 for a join link: 29 or 33 modules, plus the quiet zone on both sides.
    assertThat(size).isBetween(21 + 8, 41 + 8);
    for (int i = 0; i < size; i++) {
      for (int edge = 0; edge < QrCodeSvg.QUIET_ZONE; edge++) {
        for (int[] xy :
            new int[][] {{i, edge}, {i, size - 1 - edge}, {edge, i}, {size - 1 - edge, i}}) {
          assertThat(image.getRGB(xy[0], xy[1]) & 0xffffff)
              .as("module %s is in the quiet zone", java.util.Arrays.toString(xy))
              .isEqualTo(0xffffff);
        }
      }
    }
    // The finder pattern's corner module is dark, just inside the quiet zone.
    assertThat(image.getRGB(QrCodeSvg.QUIET_ZONE, QrCodeSvg.QUIET_ZONE) & 0xffffff).isZero();
    assertThat(svg)
        .startsWith("<?xml")
        .contains("shape-rendering=\"crispEdges\"")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("style")
        .doesNotContainIgnoringCase("href")
        .doesNotContain(" on");
  }

  @Test
  @DisplayName("an empty text has no QR code")
  void emptyText() {
    assertThatThrownBy(() -> QrCodeSvg.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
