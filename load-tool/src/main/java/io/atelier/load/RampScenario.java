package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The saturation rate: the rooms are opened once, then each step runs a short window at a higher
 * rate than the one before ({@link RampPlan}) until one does not hold. Each step is printed as it
 * ends, since a ramp takes minutes.
 */
final class RampScenario {
  private final LoadContext context;
  private final int rooms;
  private final int clients;
  private final int seconds;
  private final int warmup;
  private final int firstWarmup;
  private final RampPlan plan;
  private final Measurement measurement;
  private final Consumer<String> progress;

  RampScenario(
      LoadContext context,
      int rooms,
      int clients,
      RampPlan plan,
      int seconds,
      int warmup,
      int firstWarmup,
      Edits.Kind edits,
      int drainSeconds,
      Consumer<String> progress) {
    this.context = context;
    this.rooms = rooms;
    this.clients = clients;
    this.plan = plan;
    this.seconds = seconds;
    this.warmup = warmup;
    this.firstWarmup = firstWarmup;
    this.measurement = new Measurement(context, edits, drainSeconds);
    this.progress = progress;
  }

  Future<Report> run() {
    List<WindowResult> steps = new ArrayList<>();
    return Room.open(context, rooms, clients, "Rampe " + rooms + " x " + clients, measurement)
        .compose(
            open ->
                step(open, plan.startRate(), steps)
                    .eventually(() -> Future.all(open.stream().map(Room::close).toList())))
        .map(stoppedBecause -> report(steps, stoppedBecause));
  }

  /**
   * Runs the step at {@code rate} and the ones after it; completes with why the ramp stopped. The
   * first step warms up longer: both JVMs are cold then, and a cold step would end the ramp early.
   */
  private Future<String> step(List<Room> open, int rate, List<WindowResult> steps) {
    return measurement
        .window(open, rate, steps.isEmpty() ? firstWarmup : warmup, seconds)
        .compose(
            result -> {
              steps.add(result);
              String failure = plan.failure(result);
              progress.accept(line(result, failure));
              if (failure != null) {
                return Future.succeededFuture(rate + " changes/s did not hold: " + failure);
              }
              OptionalInt next = plan.next(rate);
              return next.isPresent()
                  ? step(open, next.getAsInt(), steps)
                  : Future.succeededFuture("the next step would pass --max-rate " + plan.maxRate());
            });
  }

  private static String line(WindowResult step, String failure) {
    return String.format(
        "  ramp step %,6d changes/s: p99 %7.2f ms, %,.0f deliveries/s, lost %d, server CPU %s,"
            + " others %.0f %% → %s",
        step.rate(),
        step.latency().p99(),
        step.deliveriesPerSecond(),
        step.lost(),
        step.usage().nodes().stream()
            .map(n -> n.cpuPercent() == null ? "?" : String.format("%.0f %%", n.cpuPercent()))
            .toList(),
        step.usage().othersCpuPercent(),
        failure == null ? "held" : failure);
  }

  private Report report(List<WindowResult> steps, String stoppedBecause) {
    Integer highest = null;
    JsonArray stepsJson = new JsonArray();
    for (WindowResult step : steps) {
      if (plan.failure(step) == null) {
        highest = step.rate();
      }
      stepsJson.add(step.json("ramp-step"));
    }
    WindowResult first = steps.get(0);
    JsonObject json =
        new JsonObject()
            .put("scenario", "ramp")
            .put("rooms", rooms)
            .put("clientsPerRoom", clients)
            .put("nodes", context.nodes().size())
            .put("edits", first.edits().name().toLowerCase(java.util.Locale.ROOT))
            .put("boundP99Ms", plan.boundMillis())
            .put("factor", plan.factor())
            .put("stepSeconds", seconds)
            .put("highestRateHeld", highest)
            .put("stoppedBecause", stoppedBecause)
            .put("steps", stepsJson);
    Report report =
        new Report(
            String.format(
                "ramp: %d rooms × %d clients on %d node(s), steps ×%.2f from %d changes/s, %d s"
                    + " each; holds while p99 ≤ %.0f ms and nothing is lost",
                rooms,
                clients,
                context.nodes().size(),
                plan.factor(),
                plan.startRate(),
                seconds,
                plan.boundMillis()),
            json);
    report.row(
        "highest rate held",
        highest == null ? "none: the first step did not hold" : highest + " changes/s");
    report.row("stopped because", stoppedBecause);
    for (WindowResult step : steps) {
      report.row(
          String.format("%,d changes/s", step.rate()),
          Report.latency(step.latency())
              + String.format(", lost %d, refused %d", step.lost(), step.refused()));
    }
    return report;
  }
}
