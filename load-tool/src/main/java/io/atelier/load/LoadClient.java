package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One simulated participant: a real WebSocket speaking protocol version 1. It counts what a run
 * must report about it: the revisioned events it got twice, each handed on once only.
 */
final class LoadClient {
  /** How long a join may take before the run gives up: every run is bounded in time. */
  static final long JOIN_TIMEOUT_SECONDS = 60;

  private final WebSocketClient client; // Kept: an unreferenced client may be collected mid-run.
  private final String name;
  private WebSocket socket;
  private String participantId;
  private String token;
  private final BitSet revisionsSeen = new BitSet();
  private long duplicates;
  private long receivedAt;
  private long revision;
  private long snapshotChars;
  private long snapshotArrivedAt;
  private Consumer<JsonObject> listener = message -> {};
  private final Promise<Long> synced = Promise.promise();
  private final Promise<String> closed = Promise.promise();

  LoadClient(WebSocketClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** Connects to {@code node} and joins as a newcomer; completes with the revision once synced. */
  Future<Long> join(URI node, String workshopId) {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost(node.getHost()).setPort(node.getPort()).setURI("/ws");
    return client
        .connect(options)
        .compose(
            ws -> {
              socket = ws;
              ws.textMessageHandler(this::onFrame);
              ws.closeHandler(
                  end -> {
                    refused(ws.closeStatusCode(), ws.closeReason());
                    closed.tryComplete(ws.closeStatusCode() + " " + ws.closeReason());
                  });
              ws.writeTextMessage(
                  new JsonObject()
                      .put("type", "hello")
                      .put("protocol", 1)
                      .put("workshopId", workshopId)
                      .put("displayName", name)
                      .encode());
              return synced.future();
            })
        .timeout(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * A socket closed before it is synced was refused: say why, and which of the server's limits
   * (docs/protocol.md, LM) a load test has to raise, instead of waiting for ever.
   */
  private void refused(Short code, String reason) {
    String hint =
        switch (code == null ? 0 : code) {
          case 4029 -> " Start the server with ATELIER_MAX_CONNECTIONS_PER_ADDRESS above the load.";
          case 4009 -> " Start the server with ATELIER_MAX_PARTICIPANTS above --clients.";
          case 1008 -> " Start the server with a higher ATELIER_FLOOD_MESSAGES_PER_SECOND.";
          default -> "";
        };
    synced.tryFail(name + ": the server closed the socket (" + code + " " + reason + ")." + hint);
  }

  /** Receives every message once: a revisioned event seen before is counted, not handed on. */
  void onMessage(Consumer<JsonObject> listener) {
    this.listener = listener;
  }

  void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  String participantId() {
    return participantId;
  }

  /** The secret the welcome gave this participant (HS4): another socket may come back as them. */
  String token() {
    return token;
  }

  long duplicates() {
    return duplicates;
  }

  /** Stops reading from the network (LM11: a phone in a tunnel, a frozen tab). */
  void stopReading() {
    socket.pause();
  }

  void readAgain() {
    socket.resume();
  }

  /** Completes with the close code and reason once the socket is closed. */
  Future<String> closed() {
    return closed.future();
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  /** When the frame being handed on arrived, before it was parsed. */
  long receivedAt() {
    return receivedAt;
  }

  /** When the last snapshot's last frame arrived, before it was parsed; 0 before any. */
  long snapshotArrivedAt() {
    return snapshotArrivedAt;
  }

  /** The size of the last snapshot this client received, in UTF-16 characters of its frame. */
  long snapshotChars() {
    return snapshotChars;
  }

  private void onFrame(String frame) {
    receivedAt = System.nanoTime();
    JsonObject message = new JsonObject(frame);
    String type = message.getString("type");
    if ("snapshot".equals(type)) {
      snapshotChars = frame.length();
      snapshotArrivedAt = receivedAt;
    }
    switch (type) {
      case "welcome" -> {
        participantId = participantOf(message);
        token = message.getString("token", token);
      }
      case "synced" -> {
        revision = Math.max(revision, message.getLong("revision"));
        synced.tryComplete(message.getLong("revision"));
      }
      case "error", "snapshot", "ack" -> {
        // An ack's or snapshot's revision is the workshop's, not an event's: never a duplicate.
      }
      default -> {
        if (seenBefore(message.getLong("revision"))) {
          duplicates++;
          return;
        }
      }
    }
    listener.accept(message);
  }

  /** The newest revision this client has: its catch-up's, or a later event's. */
  long revision() {
    return revision;
  }

  private boolean seenBefore(Long event) {
    if (event == null) {
      return false; // Volatile messages (cursors, pong) carry no revision.
    }
    revision = Math.max(revision, event);
    int index = (int) (long) event;
    boolean seen = revisionsSeen.get(index);
    revisionsSeen.set(index);
    return seen;
  }

  private static String participantOf(JsonObject welcome) {
    JsonObject participant = welcome.getJsonObject("participant");
    return participant == null ? null : participant.getString("id");
  }
}
