package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * A workshop with many notes; a new client joins again and again. Measures from opening the socket
 * to the {@code synced} that follows the snapshot: the full state has arrived and been parsed.
 */
final class JoinScenario {
  private final Vertx vertx;
  private final WebSocketClient client;
  private final Workshops workshops;
  private final URI url;
  private final int notes;
  private final int runs;

  JoinScenario(
      Vertx vertx, WebSocketClient client, Workshops workshops, URI url, int notes, int runs) {
    this.vertx = vertx;
    this.client = client;
    this.workshops = workshops;
    this.url = url;
    this.notes = notes;
    this.runs = runs;
  }

  Future<String> run() {
    return workshops
        .create("Jonction " + notes)
        .compose(
            workshopId ->
                seed(workshopId)
                    .compose(
                        seeder ->
                            measure(workshopId, 0, new Latencies()).eventually(seeder::close)));
  }

  private Future<LoadClient> seed(String workshopId) {
    LoadClient seeder = new LoadClient(client, "semeur");
    Promise<LoadClient> seeded = Promise.promise();
    int[] acks = {0};
    seeder.onMessage(
        message -> {
          if ("ack".equals(message.getString("type")) && ++acks[0] == notes) {
            seeded.complete(seeder);
          } else if ("error".equals(message.getString("type"))) {
            // The server's limits (docs/protocol.md, LM1 and LM6) stop a seed this fast and large.
            seeded.tryFail(
                "seeding was refused ("
                    + message.getString("code")
                    + ": "
                    + message.getString("message")
                    + "). Start the server with ATELIER_CHANGES_PER_SECOND and"
                    + " ATELIER_CHANGES_BURST, and ATELIER_MAX_NOTES_PER_CANVAS, above --notes.");
          }
        });
    return seeder
        .join(url.getHost(), url.getPort(), workshopId)
        .compose(
            revision -> {
              for (int i = 0; i < notes; i++) {
                seeder.send(
                    new JsonObject()
                        .put("type", "create_note")
                        .put("changeId", "s-" + i)
                        .put("noteId", "n-" + i)
                        .put("x", (double) (i % 50) * 220)
                        .put("y", (double) (i / 50) * 160)
                        .put("width", 200.0)
                        .put("height", 140.0)
                        .put("text", "0123456789012345678901234567890123456789")
                        .put("color", "yellow"));
              }
              return seeded.future();
            });
  }

  private Future<String> measure(String workshopId, int run, Latencies times) {
    if (run == runs) {
      return Future.succeededFuture(
          String.format(
              "join: a workshop of %d notes, %d joins%n  hello to full state: %s",
              notes, runs, times.summary()));
    }
    LoadClient joiner = new LoadClient(client, "nouveau-" + run);
    long[] start = new long[1];
    start[0] = System.nanoTime(); // Includes the WebSocket handshake, as a person would wait.
    return joiner
        .join(url.getHost(), url.getPort(), workshopId)
        .compose(
            revision -> {
              times.record(System.nanoTime() - start[0]);
              return joiner.close();
            })
        .compose(v -> measure(workshopId, run + 1, times));
  }
}
