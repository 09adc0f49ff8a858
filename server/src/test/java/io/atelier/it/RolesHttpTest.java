package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.AccessChanged;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.QrDecoding;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The facilitator's HTTP routes for people the facilitator promoted (RO6), and the join link's QR
 * code (RO7), over HTTP on one node.
 */
class RolesHttpTest {
  private static RunningServer server;

  private String id;
  private String key;
  private TestClient host;
  private TestClient ana;
  private String anaId;
  private String anaToken;
  private int changes;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void workshopWithAna() {
    JsonObject created = server.createWorkshop("Rôles et accès", "fr");
    id = created.getString("id");
    key = created.getString("facilitatorKey");
    host =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
    host.await(Synced.class);
    ana = server.join(id, "Ana");
    Welcome welcome = ana.await(Welcome.class);
    anaId = welcome.participant().id();
    anaToken = welcome.token();
  }

  @AfterEach
  void close() {
    Stream.of(host, ana).forEach(TestClient::close);
  }

  /** The host sets someone's access and waits until the change is applied. */
  private void setAccess(String participantId, String access) {
    String changeId = "h-" + ++changes;
    host.send(new ClientMessage.SetAccess(changeId, participantId, access));
    host.await(Ack.class, a -> changeId.equals(a.changeId()));
  }

  private static String bearer(String secret) {
    return "Bearer " + secret;
  }

  private HttpResponse<String> export(String secret) {
    return server.get("/api/workshops/" + id + "/export?format=json", bearer(secret));
  }

  private HttpResponse<String> upload(String secret) {
    return server.post(
        "/api/workshops/" + id + "/images", "image/png", TestImages.png(3), bearer(secret));
  }

  private HttpResponse<String> participants(String secret) {
    return server.get("/api/workshops/" + id + "/participants", bearer(secret));
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  @DisplayName("RO6 a plain participant's token opens no facilitator route (401)")
  void participantRefused() {
    assertUnauthorized(export(anaToken));
    assertUnauthorized(upload(anaToken));
    assertUnauthorized(participants(anaToken));
    assertUnauthorized(server.delete("/api/workshops/" + id, bearer(anaToken)));
    assertThat(server.get("/api/workshops/" + id).statusCode()).as("still there").isEqualTo(200);
  }

  @Test
  @DisplayName("RO6 a promoted participant exports, uploads and lists people with their own token")
  void promotedParticipant() {
    setAccess(anaId, "facilitator");
    ana.await(AccessChanged.class, e -> anaId.equals(e.member()));

    HttpResponse<String> exported = export(anaToken);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    assertThat(new JsonObject(exported.body()).getString("format")).isEqualTo("atelier-export");
    assertThat(exported.body()).doesNotContain(anaToken);
    assertThat(upload(anaToken).statusCode()).isEqualTo(201);
    assertThat(participants(anaToken).statusCode()).isEqualTo(200);
    assertThat(export(key).statusCode()).as("the key still works").isEqualTo(200);
  }

  @Test
  @DisplayName(
      "RO6 stepped down, a person loses the routes at once; the key keeps them after a"
          + " hand-over")
  void demotedLosesIt() {
    setAccess(anaId, "facilitator");
    assertThat(export(anaToken).statusCode()).isEqualTo(200);
    setAccess(anaId, "participant");
    assertUnauthorized(export(anaToken));
    setAccess(anaId, "facilitator");
    setAccess(anaId, "observer");
    assertUnauthorized(export(anaToken));

    // A hand-over: Ana steers, the host steps down; the key is the owner's and still opens them.
    setAccess(anaId, "facilitator");
    String hostId = host.await(Welcome.class).participant().id();
    setAccess(hostId, "participant");
    assertThat(export(anaToken).statusCode()).isEqualTo(200);
    assertThat(export(key).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("RO6 a removed facilitator's token is refused (401) on every route")
  void removedRefused() {
    setAccess(anaId, "facilitator");
    assertThat(export(anaToken).statusCode()).isEqualTo(200);
    host.send(new ClientMessage.RemoveParticipant("h-remove", anaId));
    host.await(Ack.class, a -> "h-remove".equals(a.changeId()));
    assertUnauthorized(export(anaToken));
    assertUnauthorized(upload(anaToken));
    assertUnauthorized(participants(anaToken));
    assertUnauthorized(server.delete("/api/workshops/" + id, bearer(anaToken)));
  }

  @Test
  @DisplayName("RO6 a promoted facilitator may delete the workshop (204)")
  void promotedDeletes() {
    setAccess(anaId, "facilitator");
    assertThat(server.delete("/api/workshops/" + id, bearer(anaToken)).statusCode()).isEqualTo(204);
    assertThat(host.awaitClose().code()).isEqualTo((short) 4004);
    assertThat(server.get("/api/workshops/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("RO7 GET /api/workshops/{id}/qr.svg: a public SVG that decodes to the join link")
  void qrCode() {
    JsonObject facts = new JsonObject(server.get("/api/workshops/" + id).body());
    String joinUrl = facts.getString("joinUrl");
    assertThat(joinUrl).isEqualTo(server.baseUrl() + "/w/" + id);

    HttpResponse<String> qr = server.get("/api/workshops/" + id + "/qr.svg");
    assertThat(qr.statusCode()).isEqualTo(200);
    assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(qr.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
    assertThat(qr.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(qr.body()).startsWith("<?xml").doesNotContain("<script").doesNotContain(key);
    assertThat(QrDecoding.decode(qr.body())).isEqualTo(joinUrl);
  }

  @Test
  @DisplayName("RO7 the QR code of a workshop that does not exist is 404")
  void qrCodeNotFound() {
    for (String unknown : new String[] {"AAAAAAAAAAAAAAAAAAAAAA", "not%20an%20id"}) {
      HttpResponse<String> missing = server.get("/api/workshops/" + unknown + "/qr.svg");
      assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
      assertThat(new JsonObject(missing.body()).getString("error")).isEqualTo("not_found");
    }
  }
}
