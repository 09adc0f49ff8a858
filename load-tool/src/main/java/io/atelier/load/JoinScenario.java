package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * A workshop with many notes; a new client joins again and again. Measures from opening the socket
 * to the {@code synced} that follows the snapshot: the full state has arrived and been parsed.
 * Drawing it is the browser's part, measured by {@link DrawScenario}.
 */
final class JoinScenario {
  private final LoadContext context;
  private final int notes;
  private final int runs;

  JoinScenario(LoadContext context, int notes, int runs) {
    this.context = context;
    this.notes = notes;
    this.runs = runs;
  }

  Future<Report> run() {
    URI node = context.nodes().node(0);
    return context
        .workshops()
        .create(node, "Jonction " + notes)
        .compose(
            workshopId ->
                NoteSeeder.seed(context, node, workshopId, notes)
                    .compose(
                        seeder ->
                            measure(node, workshopId, 0, new Latencies())
                                .eventually(seeder::close)));
  }

  private Future<Report> measure(URI node, String workshopId, int run, Latencies times) {
    return measure(node, workshopId, run, times, 0);
  }

  private Future<Report> measure(
      URI node, String workshopId, int run, Latencies times, long snapshotChars) {
    if (run == runs) {
      Latencies.Summary summary = times.summary();
      JsonObject json =
          new JsonObject()
              .put("scenario", "join")
              .put("notes", notes)
              .put("joins", runs)
              .put("snapshotChars", snapshotChars)
              .put("fullStateArrived", summary.json());
      return Future.succeededFuture(
          new Report(String.format("join: a workshop of %,d notes, %d joins", notes, runs), json)
              .row("hello to full state", Report.latency(summary))
              .row("snapshot", String.format("%,d characters of JSON", snapshotChars)));
    }
    LoadClient joiner = new LoadClient(context.sockets(), "nouveau-" + run);
    long start = System.nanoTime(); // Includes the WebSocket handshake, as a person would wait.
    return joiner
        .join(node, workshopId)
        .compose(
            revision -> {
              times.record(System.nanoTime() - start);
              return joiner.close();
            })
        .compose(v -> measure(node, workshopId, run + 1, times, joiner.snapshotChars()));
  }
}
