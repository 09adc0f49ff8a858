package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Runs measured windows over open rooms: one for the room scenario, one per step for the ramp.
 * Change {@code n} of a window goes to room {@code n mod rooms}, and there to client {@code (n /
 * rooms) mod clients}, so the total rate is spread evenly over rooms and people; it edits its own
 * note. Every client's messages come here and count for the window running now.
 */
final class Measurement implements Room.Listener {
  private final LoadContext context;
  private final Edits.Kind edits;
  private final int drainSeconds;
  private volatile Deliveries current;
  private int windows;

  Measurement(LoadContext context, Edits.Kind edits, int drainSeconds) {
    this.context = context;
    this.edits = edits;
    this.drainSeconds = drainSeconds;
  }

  @Override
  public void onMessage(Room room, LoadClient receiver, JsonObject message) {
    Deliveries deliveries = current;
    if (deliveries == null) {
      return;
    }
    String type = message.getString("type");
    if ("note_updated".equals(type)) {
      // Only peers count: the author's own copy of its event is not a delivery.
      if (!Objects.equals(receiver.participantId(), message.getString("participantId"))) {
        deliveries.delivered(message.getString("changeId"), receiver.receivedAt());
      }
    } else if ("error".equals(type)) {
      deliveries.refused(message.getString("changeId"), message.getString("code"));
    }
  }

  /**
   * One window: {@code warmup} seconds at {@code rate}, then {@code seconds} measured, then up to
   * the drain time for the changes still in flight (a change sent at the end of the window counts
   * whole).
   */
  Future<WindowResult> window(List<Room> rooms, int rate, int warmup, int seconds) {
    Deliveries deliveries = new Deliveries("w" + (++windows) + "-");
    current = deliveries;
    long duplicatesBefore = duplicates(rooms);
    ServerProbe.Mark[] start = new ServerProbe.Mark[1];
    OpenLoop.Sender sender =
        (n, measured) -> {
          Room room = rooms.get((int) (n % rooms.size()));
          int author = (int) ((n / rooms.size()) % room.clients().size());
          String changeId = deliveries.changeId(n);
          JsonObject edit = Edits.update(edits, changeId, Room.noteOf(author), n);
          if (measured) {
            if (start[0] == null) {
              start[0] = context.probe().mark(); // The servers' CPU counts from the first one.
            }
            deliveries.sent(n, System.nanoTime(), room.clients().size() - 1);
          }
          room.clients().get(author).send(edit);
        };
    return OpenLoop.run(context.vertx(), rate, warmup, seconds, sender)
        .compose(
            loop ->
                context
                    .probe()
                    .usageSince(start[0])
                    .compose(usage -> drain(deliveries).map(v -> usage))
                    .map(
                        usage ->
                            new WindowResult(
                                rooms.size(),
                                rooms.get(0).clients().size(),
                                context.nodes().size(),
                                edits,
                                rate,
                                warmup,
                                seconds,
                                drainSeconds,
                                deliveries.latency(),
                                deliveries.expected(),
                                deliveries.received(),
                                duplicates(rooms) - duplicatesBefore,
                                deliveries.refusals(),
                                loop.lateness(),
                                usage)));
  }

  /** Waits until every expected delivery arrived, or the drain time is over. */
  private Future<Void> drain(Deliveries deliveries) {
    Promise<Void> drained = Promise.promise();
    long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
    context
        .vertx()
        .setPeriodic(
            10,
            timer -> {
              if (deliveries.complete() || System.nanoTime() >= deadline) {
                context.vertx().cancelTimer(timer);
                drained.complete();
              }
            });
    return drained.future();
  }

  private static long duplicates(List<Room> rooms) {
    return rooms.stream().mapToLong(Room::duplicates).sum();
  }
}
