package io.atelier.load;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The figures of one measured window, and how they are printed. */
record WindowResult(
    int rooms,
    int clientsPerRoom,
    int nodes,
    Edits.Kind edits,
    int rate,
    int warmupSeconds,
    int seconds,
    int drainSeconds,
    Latencies.Summary latency,
    long expected,
    long received,
    long duplicated,
    Map<String, Long> refusals,
    Latencies.Summary lateness,
    ServerProbe.Usage usage) {

  long lost() {
    return Math.max(0, expected - received);
  }

  long refused() {
    return refusals.values().stream().mapToLong(Long::longValue).sum();
  }

  double deliveriesPerSecond() {
    return received / (double) seconds;
  }

  /** Nothing lost, refused or delivered twice, and p99 within {@code boundMillis}. */
  boolean held(double boundMillis) {
    return lost() == 0 && duplicated == 0 && refused() == 0 && latency.p99() <= boundMillis;
  }

  String shape() {
    return String.format(
        "%d room%s × %d clients on %d node%s, %d changes/s, %d s measured after %d s warm-up,"
            + " %s edits",
        rooms,
        rooms == 1 ? "" : "s",
        clientsPerRoom,
        nodes,
        nodes == 1 ? "" : "s",
        rate,
        seconds,
        warmupSeconds,
        edits.name().toLowerCase(java.util.Locale.ROOT));
  }

  Report report(String scenario) {
    Report report = new Report(scenario + ": " + shape(), json(scenario));
    report
        .row("send → peer latency", Report.latency(latency))
        .row(
            "deliveries",
            String.format(
                "%,d of %,d expected (%,.0f/s); lost %,d (not there %d s after the window),"
                    + " duplicated %,d",
                received, expected, deliveriesPerSecond(), lost(), drainSeconds, duplicated))
        .row("refused changes", refusals.isEmpty() ? "none" : refusals + hint())
        .row("send lateness (tool)", Report.latency(lateness));
    for (ServerProbe.NodeUsage node : usage.nodes()) {
      report.row("server", node.line());
    }
    return report
        .row("load tool", String.format("CPU %.1f %% of one core", usage.toolCpuPercent()))
        .row(
            "other processes",
            String.format(
                "CPU %.1f %% of one core (figures are clean only near 0)",
                usage.othersCpuPercent()));
  }

  private String hint() {
    return refusals.containsKey("rate_limited")
        ? " (LM1: start the server with higher ATELIER_CHANGES_PER_SECOND and _BURST)"
        : "";
  }

  JsonObject json(String scenario) {
    JsonObject refused = new JsonObject();
    refusals.forEach(refused::put);
    return new JsonObject()
        .put("scenario", scenario)
        .put("rooms", rooms)
        .put("clientsPerRoom", clientsPerRoom)
        .put("nodes", nodes)
        .put("edits", edits.name().toLowerCase(java.util.Locale.ROOT))
        .put("rate", rate)
        .put("warmupSeconds", warmupSeconds)
        .put("seconds", seconds)
        .put("drainSeconds", drainSeconds)
        .put("latency", latency.json())
        .put("expected", expected)
        .put("received", received)
        .put("lost", lost())
        .put("duplicated", duplicated)
        .put("refused", refused)
        .put("deliveriesPerSecond", Math.round(deliveriesPerSecond()))
        .put("sendLateness", lateness.json())
        .mergeIn(usage.json());
  }
}
