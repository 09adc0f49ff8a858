package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage;
import io.atelier.testing.Await;
import io.atelier.testing.ExampleMutations;
import io.atelier.testing.ExampleMutations.Mutation;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ER1 and HS1 over a real socket: every refused mutation of every client example (see {@link
 * ExampleMutations}) is answered with one error naming the field, the socket stays open, and the
 * workshop does not move: its revision stays, and another person in it receives nothing.
 */
class MessageValidationSocketTest {
  /** Below the server's 64 KiB message cap, so that the frame reaches validation. */
  private static final int MAX_FRAME_BYTES = 60_000;

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "ER1 every invalid mutation of every client type gets one error naming the field, the socket"
          + " stays open and nothing changes")
  void invalidMessagesChangeNothing() {
    JsonObject created = server.createWorkshop("Validation", "fr");
    String workshopId = created.getString("id");
    // The facilitator sends them: a change that slipped through would be applied, whatever it is.
    TestClient facilitator = server.facilitate(created);
    TestClient witness = server.join(workshopId, "Témoin");
    long before = revisionNow(facilitator);
    int witnessMark = witness.count();

    List<String> problems = new ArrayList<>();
    int sent = 0;
    for (Mutation mutation : ExampleMutations.all()) {
      if (!mutation.refused() || tooLarge(mutation)) {
        continue;
      }
      sent++;
      int mark = facilitator.count();
      facilitator.sendRaw(mutation.frame());
      // A fence: the session answers in order, so everything the mutation caused comes first.
      long fence = sent;
      facilitator.send(new ClientMessage.Ping(fence));
      facilitator.await(ServerMessage.Pong.class, pong -> pong.clientTime() == fence);
      List<ServerMessage> answers =
          facilitator.since(mark).stream().filter(m -> !(m instanceof ServerMessage.Pong)).toList();
      String problem = judge(mutation, answers);
      if (problem != null) {
        problems.add(problem);
      }
    }

    assertThat(problems).as("%d mutations sent", sent).isEmpty();
    assertThat(sent).isGreaterThan(1_000);
    assertThat(facilitator.isClosed()).isFalse();
    assertThat(revisionNow(facilitator)).isEqualTo(before);
    assertThat(witness.since(witnessMark))
        .as("what the other person received")
        .noneMatch(
            m ->
                m instanceof ServerMessage.RevisionedMessage
                    || m instanceof ServerMessage.CursorMoved
                    || m instanceof ServerMessage.Summoned
                    || m instanceof ServerMessage.FacilitatorView);

    // The witness would have seen a change: a valid one reaches it.
    facilitator.send(
        new ClientMessage.CreateNote("after-1", "n-after", 0.0, 0.0, 200.0, 140.0, "", "yellow"));
    witness.await(ServerMessage.NoteCreated.class, note -> note.changeId().equals("after-1"));
  }

  @Test
  @DisplayName("HS1 ER1 an invalid hello closes the socket with 4001 and a reason naming the field")
  void invalidHelloCloses() {
    List<String> problems = new ArrayList<>();
    int tried = 0;
    for (Mutation mutation : ExampleMutations.all()) {
      if (!mutation.example().startsWith("hello") || !mutation.refused() || tooLarge(mutation)) {
        continue;
      }
      tried++;
      try (TestClient client = server.connect()) {
        client.sendRaw(mutation.frame());
        TestClient.CloseStatus status = client.awaitClose();
        if (status.code() == null || status.code() != 4001) {
          problems.add(mutation + ": closed with " + status);
        } else if (mutation.field() != null && !names(status.reason(), mutation.field())) {
          problems.add(mutation + ": the reason \"" + status.reason() + "\" does not name it");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(tried).isGreaterThan(50);
  }

  @Test
  @DisplayName(
      "HS1 a close reason stays within the 123 bytes a close frame holds, however long the cause")
  void longReasons() {
    String longName = "\u00e9".repeat(200);
    for (String frame :
        List.of(
            "{\"type\":\"" + "z".repeat(500) + "\"}",
            "{\"type\":\"hello\",\"" + longName + "\":1,\"" + longName + "\":2}")) {
      try (TestClient client = server.connect()) {
        client.sendRaw(frame);
        TestClient.CloseStatus status = client.awaitClose();
        assertThat(status.code()).as("%s", status).isEqualTo((short) 4001);
        assertThat(status.reason().getBytes(StandardCharsets.UTF_8).length)
            .isLessThanOrEqualTo(123);
        assertThat(status.reason()).startsWith("The first message must be a valid hello");
      }
    }
  }

  @Test
  @DisplayName("ER1 a binary frame is read as UTF-8 text under the same rules")
  void binaryFrames() {
    JsonObject created = server.createWorkshop("Binaire", "fr");
    TestClient client = server.join(created.getString("id"), "Octet");
    client.sendBinary(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '{'});
    assertThat(client.await(ServerMessage.Error.class).code()).isEqualTo("bad_message");
    client.sendBinary("{\"type\":\"ping\",\"clientTime\":42}".getBytes(StandardCharsets.UTF_8));
    client.await(ServerMessage.Pong.class, pong -> pong.clientTime() == 42);
    assertThat(client.isClosed()).isFalse();
  }

  @Test
  @DisplayName("ER1 a message above 64 KiB closes the socket with 1009, in one frame or in several")
  void tooBigCloses() {
    String created = server.createWorkshop("Trop grand", "fr").getString("id");
    String note =
        "{\"type\":\"create_note\",\"changeId\":\"c\",\"noteId\":\"n\",\"x\":0,\"y\":0,"
            + "\"width\":200,\"height\":140,\"color\":\"pink\",\"text\":\""
            + "t".repeat(70_000)
            + "\"}";
    Vertx vertx = Vertx.vertx();
    try {
      for (int frameSize : new int[] {1 << 20, 16 * 1024}) { // one frame; five frames
        WebSocketClient client =
            vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(frameSize));
        WebSocket socket =
            Await.result(
                client.connect(
                    new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(server.port())
                        .setURI("/ws")));
        CompletableFuture<Short> closed = new CompletableFuture<>();
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
        socket.writeTextMessage(
            "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
                + created
                + "\",\"displayName\":\"Gros\"}");
        socket.writeTextMessage(note);
        assertThat(Await.result(closed))
            .as("frames of %d bytes", frameSize)
            .isEqualTo((short) 1009);
        Await.result(client.close());
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  @DisplayName("ER1 a frame that breaks the WebSocket protocol closes the socket with 1002")
  void brokenFrameCloses() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                  + server.port()
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 101");
      // Opcode 3 is reserved (RFC 6455, 5.2): no client may send it. Masked, as a client's must be.
      out.write(new byte[] {(byte) 0x83, (byte) 0x80, 1, 2, 3, 4});
      out.flush();
      int opcode = in.read() & 0x0f;
      int length = in.read() & 0x7f;
      byte[] payload = in.readNBytes(length);
      assertThat(opcode).as("a close frame").isEqualTo(0x8);
      assertThat(payload.length).isGreaterThanOrEqualTo(2);
      assertThat(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).isEqualTo(1002);
    }
  }

  /** An HTTP answer's status line and headers, up to the blank line that ends them. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed within the answer's head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** Null when the answers are right: one error, with the protocol's code, naming the field. */
  private static String judge(Mutation mutation, List<ServerMessage> answers) {
    List<ServerMessage.Error> errors =
        answers.stream()
            .filter(ServerMessage.Error.class::isInstance)
            .map(ServerMessage.Error.class::cast)
            .toList();
    if (answers.stream().anyMatch(m -> m instanceof ServerMessage.Ack)) {
      return mutation + ": acknowledged " + answers;
    }
    if (errors.size() != 1) {
      return mutation + ": " + errors.size() + " errors " + answers;
    }
    ServerMessage.Error error = errors.get(0);
    if (!List.of("bad_message", "unknown_type").contains(error.code())) {
      return mutation + ": code " + error.code() + " (" + error.message() + ")";
    }
    if (mutation.field() != null && !names(error.message(), mutation.field())) {
      return mutation + ": \"" + error.message() + "\" does not name " + mutation.field();
    }
    return null;
  }

  private static boolean tooLarge(Mutation mutation) {
    return mutation.frame().getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
  }

  static boolean names(String message, String field) {
    return message != null
        && Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(field) + "(?![A-Za-z0-9_])")
            .matcher(message)
            .find();
  }

  /** The workshop's revision now, as a sync answers it (SY1). */
  static long revisionNow(TestClient client) {
    int before = client.all(ServerMessage.Synced.class).size();
    client.send(new ClientMessage.Sync(0L));
    client.await(
        ServerMessage.Synced.class,
        synced -> client.all(ServerMessage.Synced.class).size() > before);
    List<ServerMessage.Synced> all = client.all(ServerMessage.Synced.class);
    return all.get(all.size() - 1).revision();
  }
}
