package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workshop with many notes, opened again and again in a fresh headless Chromium: how long a
 * person waits, from following the link, until the board shows every note. The page marks each step
 * itself ({@link BrowserJoin}); this scenario gathers the runs. One browser at a time: the figure
 * is a person's wait, not a crowd's. The full state over the protocol alone is {@link
 * JoinScenario}'s figure.
 */
final class DrawScenario {
  private final LoadContext context;
  private final int notes;
  private final int runs;
  private final Path cpuProfile;
  private final List<BrowserJoin.Timings> timings = new ArrayList<>();
  private long snapshotChars;

  /** With {@code cpuProfile}, the last run's page is profiled into that file. */
  DrawScenario(LoadContext context, int notes, int runs, Path cpuProfile) {
    this.context = context;
    this.notes = notes;
    this.runs = runs;
    this.cpuProfile = cpuProfile;
  }

  Future<Report> run() {
    if (!HeadlessBrowser.installed()) {
      return Future.failedFuture(
          "--scenario draw needs Debian's chromium and chromium-driver packages");
    }
    URI node = context.nodes().node(0);
    String loadBefore = Machine.loadAverage();
    return context
        .workshops()
        .create(node, "Tableau " + notes)
        .compose(
            workshopId ->
                NoteSeeder.seed(context, node, workshopId, notes)
                    .compose(seeder -> measure(node, workshopId, 0).eventually(seeder::close)))
        .map(v -> report(loadBefore, Machine.loadAverage()));
  }

  /** Run after run, each in its own browser: the person of each run is joined first, then shown. */
  private Future<Void> measure(URI node, String workshopId, int run) {
    if (run == runs) {
      return Future.succeededFuture();
    }
    String name = "lecteur-" + run;
    LoadClient reader = new LoadClient(context.sockets(), name);
    return reader
        .join(node, workshopId)
        .compose(revision -> reader.close())
        .compose(
            closed -> {
              snapshotChars = reader.snapshotChars();
              BrowserJoin.Identity identity =
                  new BrowserJoin.Identity(reader.token(), reader.participantId(), name);
              return context
                  .vertx()
                  .executeBlocking(
                      () ->
                          BrowserJoin.open(
                              node, workshopId, identity, run == runs - 1 ? cpuProfile : null));
            })
        .compose(
            timing -> {
              if (timing.notesDrawn() != notes) {
                return Future.failedFuture(
                    "the board showed " + timing.notesDrawn() + " notes, not " + notes);
              }
              timings.add(timing);
              return measure(node, workshopId, run + 1);
            });
  }

  private Report report(String loadBefore, String loadAfter) {
    Latencies helloToSnapshot = new Latencies();
    Latencies helloToDrawn = new Latencies();
    Latencies startToSnapshot = new Latencies();
    Latencies startToDrawn = new Latencies();
    Latencies snapshotToApplied = new Latencies();
    Latencies appliedToDrawn = new Latencies();
    for (BrowserJoin.Timings t : timings) {
      helloToSnapshot.record(nanos(t.snapshotReceived() - t.helloSent()));
      helloToDrawn.record(nanos(t.boardDrawn() - t.helloSent()));
      startToSnapshot.record(nanos(t.snapshotReceived()));
      startToDrawn.record(nanos(t.boardDrawn()));
      snapshotToApplied.record(nanos(t.snapshotApplied() - t.snapshotReceived()));
      appliedToDrawn.record(nanos(t.boardDrawn() - t.snapshotApplied()));
    }
    String chromium = timings.get(0).browserVersion();
    JsonObject machine = Machine.json(loadBefore, loadAfter);
    JsonObject json =
        new JsonObject()
            .put("scenario", "draw")
            .put("notes", notes)
            .put("runs", runs)
            .put("snapshotChars", snapshotChars)
            .put("chromium", chromium)
            .put("machine", machine)
            .put(
                "fromHello",
                new JsonObject()
                    .put("snapshotReceived", helloToSnapshot.summary().json())
                    .put("boardDrawn", helloToDrawn.summary().json()))
            .put(
                "fromNavigationStart",
                new JsonObject()
                    .put("snapshotReceived", startToSnapshot.summary().json())
                    .put("boardDrawn", startToDrawn.summary().json()))
            .put("snapshotParsedAndApplied", snapshotToApplied.summary().json())
            .put("appliedToDrawn", appliedToDrawn.summary().json());
    // Every run showed all the notes (measure refuses any other): the count is the proof.
    json.put(
        "notesDrawn", timings.stream().mapToLong(BrowserJoin.Timings::notesDrawn).min().orElse(0));
    return new Report(
            String.format(
                "draw: a workshop of %,d notes opened %d times in headless Chromium %s",
                notes, runs, chromium),
            json)
        .row("hello to snapshot arrived", Report.latency(helloToSnapshot.summary()))
        .row("hello to board drawn", Report.latency(helloToDrawn.summary()))
        .row("navigation to snapshot arrived", Report.latency(startToSnapshot.summary()))
        .row("navigation to board drawn", Report.latency(startToDrawn.summary()))
        .row("  of which: parse and apply", Report.latency(snapshotToApplied.summary()))
        .row("  of which: applied to painted", Report.latency(appliedToDrawn.summary()))
        .row("snapshot", String.format("%,d characters of JSON", snapshotChars))
        .row(
            "machine",
            String.format(
                "%s, %d cores, load average %s before, %s after",
                machine.getString("processor"),
                machine.getInteger("cores"),
                loadBefore,
                loadAfter));
  }

  private static long nanos(double millis) {
    return Math.round(millis * 1e6);
  }
}
