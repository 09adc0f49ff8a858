package io.atelier.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS served by the node itself, for a deployment without a reverse proxy. Most deployments
 * terminate TLS in the proxy instead (docs/deploy/tls.md); then these stay unset and the node
 * speaks plain HTTP on a private network.
 *
 * <p>Two ways to give the certificate, because the two common sources hand out different files:
 * Let's Encrypt (certbot) writes PEM files, a Windows or Java tool chain a PKCS#12 keystore.
 *
 * @param certificate {@code ATELIER_TLS_CERT}: the PEM certificate chain (e.g. certbot's
 *     fullchain.pem)
 * @param privateKey {@code ATELIER_TLS_KEY}: the PEM private key (e.g. certbot's privkey.pem)
 * @param keystore {@code ATELIER_TLS_KEYSTORE}: a PKCS#12 file (.p12 or .pfx), instead of PEM
 * @param keystorePassword {@code ATELIER_TLS_KEYSTORE_PASSWORD}; never logged
 */
public record TlsSettings(
    Optional<Path> certificate,
    Optional<Path> privateKey,
    Optional<Path> keystore,
    Optional<String> keystorePassword) {

  public static final TlsSettings NONE =
      new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public TlsSettings {
    if (certificate.isPresent() != privateKey.isPresent()) {
      throw new IllegalArgumentException(
          "ATELIER_TLS_CERT and ATELIER_TLS_KEY go together: set both or neither");
    }
    if (certificate.isPresent() && keystore.isPresent()) {
      throw new IllegalArgumentException(
          "set either ATELIER_TLS_CERT and ATELIER_TLS_KEY (PEM) or ATELIER_TLS_KEYSTORE"
              + " (PKCS#12), not both");
    }
    if (keystorePassword.isPresent() && keystore.isEmpty()) {
      throw new IllegalArgumentException(
          "ATELIER_TLS_KEYSTORE_PASSWORD is set but ATELIER_TLS_KEYSTORE is not");
    }
    // A typo in a path should stop the node at start-up, not at the first browser's handshake.
    certificate.ifPresent(path -> requireReadable(path, "ATELIER_TLS_CERT"));
    privateKey.ifPresent(path -> requireReadable(path, "ATELIER_TLS_KEY"));
    keystore.ifPresent(path -> requireReadable(path, "ATELIER_TLS_KEYSTORE"));
  }

  /** PEM files, e.g. from certbot. */
  public static TlsSettings pem(Path certificate, Path privateKey) {
    return new TlsSettings(
        Optional.of(certificate), Optional.of(privateKey), Optional.empty(), Optional.empty());
  }

  /** A PKCS#12 keystore and its password. */
  public static TlsSettings pkcs12(Path keystore, String password) {
    return new TlsSettings(
        Optional.empty(), Optional.empty(), Optional.of(keystore), Optional.of(password));
  }

  static TlsSettings fromEnvironment(Map<String, String> env) {
    return new TlsSettings(
        path(env, "ATELIER_TLS_CERT"),
        path(env, "ATELIER_TLS_KEY"),
        path(env, "ATELIER_TLS_KEYSTORE"),
        Optional.ofNullable(env.get("ATELIER_TLS_KEYSTORE_PASSWORD")));
  }

  public boolean enabled() {
    return certificate.isPresent() || keystore.isPresent();
  }

  /** For the start-up log line: where the certificate comes from, never the password. */
  public String describe() {
    if (certificate.isPresent()) {
      return "https(pem " + certificate.get() + ")";
    }
    return keystore.map(path -> "https(pkcs12 " + path + ")").orElse("http");
  }

  private static Optional<Path> path(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name))
        .filter(value -> !value.isBlank())
        .map(value -> Path.of(value.strip()));
  }

  private static void requireReadable(Path path, String name) {
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(name + " names no readable file: " + path);
    }
  }
}
