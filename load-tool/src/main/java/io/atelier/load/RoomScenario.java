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

  RoomScenario(
      LoadContext context,
      int rooms,
      int clients,
      int rate,
      int seconds,
      int warmup,
      Edits.Kind edits,
      int drainSeconds) {
    this.context = context;
    this.rooms = rooms;
    this.clients = clients;
    this.rate = rate;
    this.seconds = seconds;
    this.warmup = warmup;
    this.measurement = new Measurement(context, edits, drainSeconds);
  }

  Future<WindowResult> measure() {
    return Room.open(context, rooms, clients, "Charge " + rooms + " x " + clients, measurement)
        .compose(
            open ->
                measurement
                    .window(open, rate, warmup, seconds)
                    .eventually(() -> Future.all(open.stream().map(Room::close).toList())));
  }

  Future<Report> run() {
    return measure().map(result -> result.report("room"));
  }
}
