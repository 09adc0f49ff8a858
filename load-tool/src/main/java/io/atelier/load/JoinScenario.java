package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * A workshop with many notes; a new client joins again and again. Measures from opening the socket
 * to the moment the snapshot's last frame is in (the full state has arrived), and to the {@code
 * synced} that follows it once the snapshot is parsed. Drawing it is the browser's part, measured
 * by {@link DrawScenario}.
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
                            measure(node, workshopId, 0, new Latencies(), new Latencies())
                                .eventually(seeder::close)));
  }

  private Future<Report> measure(
      URI node, String workshopId, int run, Latencies arrived, Latencies parsed) {
    return measure(node, workshopId, run, arrived, parsed, 0);
  }

  private Future<Report> measure(
      URI node,
      String workshopId,
      int run,
      Latencies arrived,
      Latencies parsed,
      long snapshotChars) {
    if (run == runs) {
      Latencies.Summary summary = arrived.summary();
      Latencies.Summary parsedSummary = parsed.summary();
      JsonObject json =
          new JsonObject()
              .put("scenario", "join")
              .put("notes", notes)
              .put("joins", runs)
              .put("snapshotChars", snapshotChars)
              .put("fullStateArrived", summary.json())
              .put("fullStateParsed", parsedSummary.json());
      return Future.succeededFuture(
          new Report(String.format("join: a workshop of %,d notes, %d joins", notes, runs), json)
              .row("connect to full state arrived", Report.latency(summary))
              .row("… and parsed (synced)", Report.latency(parsedSummary))
              .row("snapshot", String.format("%,d characters of JSON", snapshotChars)));
    }
    LoadClient joiner = new LoadClient(context.sockets(), "nouveau-" + run);
    long start = System.nanoTime(); // Includes the WebSocket handshake, as a person would wait.
    return joiner
        .join(node, workshopId)
        .compose(
            revision -> {
              parsed.record(System.nanoTime() - start);
              // A newcomer always gets a snapshot; without one the state came as events.
              long in =
                  joiner.snapshotArrivedAt() == 0 ? System.nanoTime() : joiner.snapshotArrivedAt();
              arrived.record(in - start);
              return joiner.close();
            })
        .compose(v -> measure(node, workshopId, run + 1, arrived, parsed, joiner.snapshotChars()));
  }
}
