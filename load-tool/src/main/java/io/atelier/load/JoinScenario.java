package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.function.Function;

/**
 * A workshop with many notes; a new client joins again and again. Measures from opening the socket
 * to the moment the snapshot's last frame is in (the full state has arrived), and to the {@code
 * synced} that follows it once the snapshot is parsed. Drawing it is the browser's part, measured
 * by {@link DrawScenario}.
 *
 * <p>Before the measured joins, {@code warmupRuns} unmeasured ones run against a workshop of their
 * own with as many notes, so that the tool's and the node's compilers have compiled the join's code
 * by then, as they have on a node that has served for a while (a smaller workshop would leave cold
 * what only a large snapshot takes: a message in several frames); and the measured workshop keeps
 * its size (every newcomer is one more participant in it).
 */
final class JoinScenario {
  private final LoadContext context;
  private final int notes;
  private final int runs;
  private final int warmupRuns;

  JoinScenario(LoadContext context, int notes, int runs, int warmupRuns) {
    this.context = context;
    this.notes = notes;
    this.runs = runs;
    this.warmupRuns = warmupRuns;
  }

  Future<Report> run() {
    URI node = context.nodes().node(0);
    return warmUp(node)
        .compose(
            v ->
                withWorkshop(
                    node,
                    "Jonction " + notes,
                    notes,
                    workshopId -> measure(node, workshopId, 0, new Latencies(), new Latencies())));
  }

  /** The unmeasured joins, in a workshop of their own. */
  private Future<Void> warmUp(URI node) {
    if (warmupRuns == 0) {
      return Future.succeededFuture();
    }
    return withWorkshop(
        node, "Jonction (échauffement)", notes, workshopId -> joinUnmeasured(node, workshopId, 0));
  }

  private Future<Void> joinUnmeasured(URI node, String workshopId, int run) {
    if (run == warmupRuns) {
      return Future.succeededFuture();
    }
    LoadClient joiner = new LoadClient(context.sockets(), "échauffement-" + run);
    return joiner
        .join(node, workshopId)
        .compose(revision -> joiner.close())
        .compose(v -> joinUnmeasured(node, workshopId, run + 1));
  }

  /** A workshop of {@code count} notes, its seeder's socket open while {@code use} runs. */
  private <T> Future<T> withWorkshop(
      URI node, String name, int count, Function<String, Future<T>> use) {
    return context
        .workshops()
        .create(node, name)
        .compose(
            workshopId ->
                NoteSeeder.seed(context, node, workshopId, count)
                    .compose(seeder -> use.apply(workshopId).eventually(seeder::close)));
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
              .put("warmupRuns", warmupRuns)
              .put("snapshotChars", snapshotChars)
              .put("fullStateArrived", summary.json())
              .put("fullStateParsed", parsedSummary.json());
      return Future.succeededFuture(
          new Report(
                  String.format(
                      "join: a workshop of %,d notes, %d joins (after %d unmeasured)",
                      notes, runs, warmupRuns),
                  json)
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
