package io.atelier.load;

import io.vertx.core.Future;

/**
 * N workshops of M clients, each client receiving every other client's edits in its room, at a
 * fixed total rate (open loop) spread over the rooms. Latency is from send to delivery at every
 * other client of the room.
 */
final class RoomScenario {
  private final LoadContext context;
  private final int rooms;
  private final int clients;
  private final int rate;
  private final int seconds;
  private final int warmup;
  private final Measurement measurement;
  private final StalledReaders stalled;

  RoomScenario(
      LoadContext context,
      int rooms,
      int clients,
      int rate,
      int seconds,
      int warmup,
      Edits.Kind edits,
      int drainSeconds,
      int stalled) {
    this.context = context;
    this.rooms = rooms;
    this.clients = clients;
    this.rate = rate;
    this.seconds = seconds;
    this.warmup = warmup;
    this.measurement = new Measurement(context, edits, drainSeconds);
    this.stalled = new StalledReaders(context, stalled);
  }

  Future<WindowResult> measure() {
    return Room.open(context, rooms, clients, "Charge " + rooms + " x " + clients, measurement)
        .compose(
            open ->
                stalled
                    .join(open.get(0))
                    .compose(v -> measurement.window(open, rate, warmup, seconds))
                    .compose(result -> stalled.settle().map(result))
                    .eventually(
                        () ->
                            Future.all(open.stream().map(Room::close).toList())
                                .eventually(stalled::close)));
  }

  Future<Report> run() {
    return measure().map(result -> withStalled(result.report("room")));
  }

  /** The stalled readers (not counted in any figure) and how each ended, when there were any. */
  private Report withStalled(Report report) {
    if (stalled.count() == 0) {
      return report;
    }
    report.json().put("stalledReaders", stalled.outcomes());
    return report.row(
        "stalled readers (LM11)", stalled.count() + ", after reading again: " + stalled.outcomes());
  }
}
