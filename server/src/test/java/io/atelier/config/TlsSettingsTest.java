package io.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
  @TempDir Path dir;

  @Test
  @DisplayName("without TLS variables the node speaks plain HTTP")
  void plainByDefault() {
    TlsSettings tls = AtelierConfig.fromEnvironment(Map.of()).tls();
    assertThat(tls.enabled()).isFalse();
    assertThat(tls.describe()).isEqualTo("http");
  }

  @Test
  @DisplayName("PEM files are read from ATELIER_TLS_CERT and ATELIER_TLS_KEY")
  void pem() throws IOException {
    Path cert = Files.writeString(dir.resolve("fullchain.pem"), "cert");
    Path key = Files.writeString(dir.resolve("privkey.pem"), "key");
    TlsSettings tls =
        TlsSettings.fromEnvironment(
            Map.of("ATELIER_TLS_CERT", cert.toString(), "ATELIER_TLS_KEY", key.toString()));
    assertThat(tls.enabled()).isTrue();
    assertThat(tls.certificate()).contains(cert);
    assertThat(tls.privateKey()).contains(key);
  }

  @Test
  @DisplayName("a keystore's password never appears in the start-up log line")
  void passwordNotDescribed() throws IOException {
    Path store = Files.writeString(dir.resolve("atelier.p12"), "store");
    AtelierConfig config =
        AtelierConfig.fromEnvironment(
            Map.of(
                "ATELIER_TLS_KEYSTORE",
                store.toString(),
                "ATELIER_TLS_KEYSTORE_PASSWORD",
                "s3cret-Pa55"));
    assertThat(config.tls().enabled()).isTrue();
    assertThat(config.describe()).contains("https(pkcs12").doesNotContain("s3cret-Pa55");
  }

  @Test
  @DisplayName("a certificate without its key, or the reverse, stops the node at start-up")
  void pairRequired() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");
    assertThatThrownBy(
            () -> TlsSettings.fromEnvironment(Map.of("ATELIER_TLS_CERT", cert.toString())))
        .hasMessageContaining("ATELIER_TLS_KEY");
    assertThatThrownBy(
            () -> TlsSettings.fromEnvironment(Map.of("ATELIER_TLS_KEY", cert.toString())))
        .hasMessageContaining("ATELIER_TLS_CERT");
  }

  @Test
  @DisplayName("PEM and a keystore together, or a password alone, are refused")
  void oneSourceOnly() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");
    Path store = Files.writeString(dir.resolve("atelier.p12"), "store");
    assertThatThrownBy(
            () ->
                TlsSettings.fromEnvironment(
                    Map.of(
                        "ATELIER_TLS_CERT", cert.toString(),
                        "ATELIER_TLS_KEY", cert.toString(),
                        "ATELIER_TLS_KEYSTORE", store.toString())))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () -> TlsSettings.fromEnvironment(Map.of("ATELIER_TLS_KEYSTORE_PASSWORD", "x")))
        .hasMessageContaining("ATELIER_TLS_KEYSTORE is not");
  }

  @Test
  @DisplayName("a path that names no readable file stops the node at start-up, naming the variable")
  void missingFile() {
    Path absent = dir.resolve("absent.p12");
    assertThatThrownBy(
            () -> TlsSettings.fromEnvironment(Map.of("ATELIER_TLS_KEYSTORE", absent.toString())))
        .hasMessageContaining("ATELIER_TLS_KEYSTORE")
        .hasMessageContaining(absent.toString());
  }
}
