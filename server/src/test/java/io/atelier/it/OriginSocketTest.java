package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AllowedOrigins;
import io.atelier.config.AtelierConfig;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.testing.HeaderedSocket;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM10: the Origin of a WebSocket upgrade, checked before the upgrade, over real sockets. */
class OriginSocketTest {
  private static String hello(String workshopId) {
    return new JsonObject()
        .put("type", "hello")
        .put("protocol", 1)
        .put("workshopId", workshopId)
        .put("displayName", "Page")
        .encode();
  }

  /** An upgrade request written by hand, so that the refusal's body can be read. */
  private static String rawUpgrade(int port, String origin) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /ws HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:"
                  + port
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  + "Origin: "
                  + origin
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      String text = "";
      // Until the JSON body is whole: the answer is small and ends with its closing brace.
      while (!text.contains("\r\n\r\n") || !text.trim().endsWith("}")) {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        answer.write(buffer, 0, read);
        text = answer.toString(StandardCharsets.UTF_8);
      }
      return text;
    }
  }

  @Test
  @DisplayName(
      "LM10 by default a page of the node's own origin opens a socket; another site's is refused"
          + " with 403 and a JSON body before the upgrade; a program without Origin gets in")
  void sameOriginByDefault() throws IOException {
    try (RunningServer server = new RunningServer()) {
      String id = server.createWorkshop("Origines", "fr").getString("id");
      try (HeaderedSocket own =
          HeaderedSocket.open(
              server.port(), Map.of("Origin", "http://127.0.0.1:" + server.port()))) {
        assertThat(own.send(hello(id)).awaitFrame("\"welcome\"")).isNotEmpty();
      }
      try (HeaderedSocket foreign =
          HeaderedSocket.open(server.port(), Map.of("Origin", "https://evil.example"))) {
        assertThat(foreign.opened()).isFalse();
        assertThat(foreign.refusedStatus()).isEqualTo(403);
      }
      String answer = rawUpgrade(server.port(), "https://evil.example");
      assertThat(answer).startsWith("HTTP/1.1 403");
      assertThat(answer).containsIgnoringCase("content-type: application/json");
      JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4).trim());
      assertThat(body.getString("error")).isEqualTo("origin_not_allowed");
      assertThat(body.getString("message")).isNotBlank();
      try (HeaderedSocket sandboxed =
          HeaderedSocket.open(server.port(), Map.of("Origin", "null"))) {
        assertThat(sandboxed.refusedStatus()).isEqualTo(403);
      }

      TestClient program = server.connect(); // no Origin: the tests' and the load tool's way
      program.hello(id, null, "Programme", null).await(Synced.class);
      program.close();
    }
  }

  @Test
  @DisplayName(
      "LM10 with ATELIER_ALLOWED_ORIGINS, the listed origins and only those, whatever the Host")
  void configuredOrigins() {
    AtelierConfig config =
        AtelierConfig.forTests()
            .withAllowedOrigins(new AllowedOrigins(List.of("https://atelier.example.org")));
    try (RunningServer server = new RunningServer(config)) {
      String id = server.createWorkshop("Origines", "fr").getString("id");
      try (HeaderedSocket listed =
          HeaderedSocket.open(server.port(), Map.of("Origin", "https://atelier.example.org"))) {
        assertThat(listed.send(hello(id)).awaitFrame("\"welcome\"")).isNotEmpty();
      }
      try (HeaderedSocket sameHost =
          HeaderedSocket.open(
              server.port(), Map.of("Origin", "http://127.0.0.1:" + server.port()))) {
        assertThat(sameHost.refusedStatus()).isEqualTo(403);
      }
    }
  }
}
