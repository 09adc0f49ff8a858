package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.TlsSettings;
import io.atelier.protocol.ServerMessage;
import io.atelier.testing.Await;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 point 6: a node serves HTTPS and WSS itself from a PEM pair (certbot's files) or a
 * PKCS#12 keystore, as docs/deploy/tls.md describes.
 */
class TlsTest {
  private static final Vertx CLIENT_VERTX = Vertx.vertx();
  // Kept for the whole class: Vert.x 5 may close an unreferenced client mid-test.
  private static final HttpClient HTTPS =
      CLIENT_VERTX.createHttpClient(
          new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));

  @TempDir static Path keys;

  @BeforeAll
  static void keystore() throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-keystore",
                    keys.resolve("atelier.p12").toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    "test-password",
                    "-alias",
                    "atelier",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=localhost",
                    "-validity",
                    "2"))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getInputStream().readAllBytes()))
        .isZero();
  }

  @AfterAll
  static void closeClients() {
    Await.result(CLIENT_VERTX.close());
  }

  @Test
  @DisplayName("with ATELIER_TLS_CERT and ATELIER_TLS_KEY the node answers HTTPS and WSS")
  void pemFiles() {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    TlsSettings tls =
        TlsSettings.pem(
            Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath()));
    try (RunningServer server = new RunningServer(AtelierConfig.forTests().withTls(tls))) {
      assertServesWorkshopsSecurely(server.port());
    } finally {
      certificate.delete();
    }
  }

  @Test
  @DisplayName("with ATELIER_TLS_KEYSTORE and its password the node answers HTTPS and WSS")
  void pkcs12Keystore() {
    TlsSettings tls = TlsSettings.pkcs12(keys.resolve("atelier.p12"), "test-password");
    try (RunningServer server = new RunningServer(AtelierConfig.forTests().withTls(tls))) {
      assertServesWorkshopsSecurely(server.port());
    }
  }

  private static void assertServesWorkshopsSecurely(int port) {
    Answer created =
        request(
            port,
            HttpMethod.POST,
            "/api/workshops",
            "{\"title\":\"Atelier chiffré\",\"language\":\"fr\"}");
    assertThat(created.status()).isEqualTo(201);
    // Links use the request's scheme, so a browser that came in over HTTPS stays on it.
    assertThat(created.json().getString("joinUrl")).startsWith("https://");
    // Over HTTPS, browsers are told to never come back over plain HTTP.
    assertThat(created.strictTransportSecurity()).contains("max-age=");

    TestClient client = TestClient.connectSecure(CLIENT_VERTX, port);
    try {
      client.hello(created.json().getString("id"), null, "Ana", null);
      ServerMessage.Synced synced = client.await(ServerMessage.Synced.class);
      assertThat(synced).isNotNull();
    } finally {
      client.close();
    }
  }

  private static Answer request(int port, HttpMethod method, String path, String body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .putHeader("Content-Type", "application/json");
    // The body is read in the same chain: a response whose handlers are set later loses data.
    return Await.result(
        HTTPS
            .request(options)
            .compose(request -> request.send(body))
            .compose(
                response ->
                    response
                        .body()
                        .map(
                            content ->
                                new Answer(
                                    response.statusCode(),
                                    new JsonObject(content),
                                    response.getHeader("Strict-Transport-Security")))));
  }

  private record Answer(int status, JsonObject json, String strictTransportSecurity) {}
}
