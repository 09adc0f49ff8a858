package io.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.testing.Await;
import io.atelier.testing.FuzzSocket;
import io.atelier.testing.RunningServer;
import io.vertx.core.Vertx;
import java.time.Duration;

/** A workshop as a new observer sees it (HS8): its revision and its snapshot. */
record Snapshot(long revision, JsonNode message) {
  static Snapshot read(Vertx vertx, int port, String workshopId) {
    try (FuzzSocket socket = FuzzSocket.open(vertx, port)) {
      socket.send(
          "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
              + workshopId
              + "\",\"observe\":true}");
      JsonNode snapshot = null;
      while (true) {
        JsonNode frame = socket.next(20_000);
        if (frame == null) {
          throw new AssertionError("no snapshot of " + workshopId);
        }
        String type = frame.path("type").asText();
        if (type.equals("snapshot")) {
          snapshot = frame;
        } else if (type.equals("synced")) {
          return new Snapshot(frame.path("revision").asLong(), snapshot);
        }
      }
    }
  }

  /** Once the facilitator's departure is committed (HS6), so that nothing moves after. */
  static Snapshot settled(RunningServer server, String workshopId) {
    Vertx vertx = server.server().vertx();
    Await.condition(
        () ->
            read(vertx, server.port(), workshopId)
                .message()
                .path("participants")
                .findValues("online")
                .stream()
                .noneMatch(JsonNode::asBoolean),
        Duration.ofSeconds(20),
        () -> "the facilitator of " + workshopId + " still online");
    return read(vertx, server.port(), workshopId);
  }
}
