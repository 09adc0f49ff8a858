package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;
import java.util.function.Consumer;

/** One simulated participant: a real WebSocket speaking protocol version 1. */
final class LoadClient {
  private final WebSocketClient client; // Kept: an unreferenced client may be collected mid-run.
  private final String name;
  private WebSocket socket;
  private String participantId;
  private final BitSet revisionsSeen = new BitSet();
  private long duplicates;
  private long rateLimited;
  private Consumer<JsonObject> listener = message -> {};
  private final Promise<Long> synced = Promise.promise();

  LoadClient(WebSocketClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** Connects and joins as a newcomer; completes with the revision once synced. */
  Future<Long> join(String host, int port, String workshopId) {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws");
    return client
        .connect(options)
        .compose(
            ws -> {
              socket = ws;
              ws.textMessageHandler(this::onFrame);
              ws.closeHandler(closed -> refused(ws.closeStatusCode(), ws.closeReason()));
              ws.writeTextMessage(
                  new JsonObject()
                      .put("type", "hello")
                      .put("protocol", 1)
                      .put("workshopId", workshopId)
                      .put("displayName", name)
                      .encode());
              return synced.future();
            });
  }

  /**
   * A socket closed before it is synced was refused: say why, and which of the server's limits
   * (docs/protocol.md, LM) a load test has to raise, instead of waiting for ever.
   */
  private void refused(Short code, String reason) {
    String hint =
        switch (code == null ? 0 : code) {
          case 4029 ->
              " Start the server with ATELIER_MAX_CONNECTIONS_PER_ADDRESS above --clients.";
          case 4009 -> " Start the server with ATELIER_MAX_PARTICIPANTS above --clients.";
          case 1008 -> " Start the server with a higher ATELIER_FLOOD_MESSAGES_PER_SECOND.";
          default -> "";
        };
    synced.tryFail(name + ": the server closed the socket (" + code + " " + reason + ")." + hint);
  }

  void onMessage(Consumer<JsonObject> listener) {
    this.listener = listener;
  }

  void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  String participantId() {
    return participantId;
  }

  long duplicates() {
    return duplicates;
  }

  /** Changes the server refused for this socket's rate (LM1): a load above its limit. */
  long rateLimited() {
    return rateLimited;
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  private void onFrame(String frame) {
    JsonObject message = new JsonObject(frame);
    String type = message.getString("type");
    if ("error".equals(type) && "rate_limited".equals(message.getString("code"))) {
      rateLimited++;
    }
    if ("welcome".equals(type)) {
      participantId = message.getJsonObject("participant").getString("id");
    } else if ("synced".equals(type)) {
      synced.tryComplete(message.getLong("revision"));
    }
    Long revision = message.getLong("revision");
    if (revision != null
        && !"synced".equals(type)
        && !"snapshot".equals(type)
        && !"welcome".equals(type)
        && !"ack".equals(type)) {
      int index = (int) (long) revision;
      if (revisionsSeen.get(index)) {
        duplicates++;
      }
      revisionsSeen.set(index);
    }
    listener.accept(message);
  }
}
