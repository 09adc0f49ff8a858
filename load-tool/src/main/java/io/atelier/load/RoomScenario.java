package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One workshop, N clients, each owning one note; open loop: changes are sent at a fixed total rate
 * whatever the answers, round-robin over the clients. Latency is from send to delivery at every
 * other client of the room.
 */
final class RoomScenario {
  private final Vertx vertx;
  private final WebSocketClient client;
  private final Workshops workshops;
  private final URI url;
  private final int clients;
  private final int rate;
  private final int seconds;
  private final int warmupSeconds;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Latencies latencies = new Latencies();
  private final AtomicLong deliveries = new AtomicLong();
  private volatile boolean measuring;

  RoomScenario(
      Vertx vertx,
      WebSocketClient client,
      Workshops workshops,
      URI url,
      int clients,
      int rate,
      int seconds,
      int warmupSeconds) {
    this.vertx = vertx;
    this.client = client;
    this.workshops = workshops;
    this.url = url;
    this.clients = clients;
    this.rate = rate;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
  }

  Future<String> run() {
    return workshops
        .create("Charge " + clients + " x " + rate)
        .compose(this::joinAll)
        .compose(
            room -> {
              for (int i = 0; i < room.size(); i++) {
                LoadClient c = room.get(i);
                c.send(
                    new JsonObject()
                        .put("type", "create_note")
                        .put("changeId", "seed-" + i)
                        .put("noteId", "note-" + i)
                        .put("x", 0.0)
                        .put("y", 0.0)
                        .put("width", 200.0)
                        .put("height", 140.0)
                        .put("text", "0123456789012345678901234567890123456789")
                        .put("color", "yellow"));
              }
              return drive(room);
            });
  }

  private Future<List<LoadClient>> joinAll(String workshopId) {
    List<LoadClient> room = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < clients; i++) {
      LoadClient c = new LoadClient(client, "charge-" + i);
      room.add(c);
      c.onMessage(message -> onMessage(c, message));
      chain = chain.compose(v -> c.join(url.getHost(), url.getPort(), workshopId).mapEmpty());
    }
    return chain.map(v -> room);
  }

  private void onMessage(LoadClient receiver, JsonObject message) {
    if (!"note_updated".equals(message.getString("type"))
        || receiver.participantId().equals(message.getString("participantId"))) {
      return; // Only peers count: the author's own copy of its event is not a delivery.
    }
    Long sent = sentAt.get(message.getString("changeId"));
    if (sent != null && measuring) {
      latencies.record(System.nanoTime() - sent);
      deliveries.incrementAndGet();
    }
  }

  private Future<String> drive(List<LoadClient> room) {
    Promise<String> done = Promise.promise();
    long start = System.nanoTime();
    long warmupEnd = start + warmupSeconds * 1_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    AtomicLong sent = new AtomicLong();
    AtomicLong measuredSends = new AtomicLong();
    vertx.setPeriodic(
        1,
        timer -> {
          long now = System.nanoTime();
          if (now >= end) {
            vertx.cancelTimer(timer);
            // measuring stays true: changes sent before the end may still be in flight.
            vertx.setTimer(2_000, drained -> done.complete(report(room, measuredSends.get())));
            return;
          }
          measuring = now >= warmupEnd;
          long due = (now - start) * rate / 1_000_000_000L;
          while (sent.get() < due) {
            long n = sent.getAndIncrement();
            int index = (int) (n % room.size());
            String changeId = "m-" + n;
            JsonObject move =
                new JsonObject()
                    .put("type", "update_note")
                    .put("changeId", changeId)
                    .put("noteId", "note-" + index)
                    .put(
                        "set",
                        new JsonObject()
                            .put("x", (double) (n % 1000))
                            .put("y", (double) (n % 700)));
            if (now >= warmupEnd) {
              sentAt.put(changeId, System.nanoTime());
              measuredSends.incrementAndGet();
            }
            room.get(index).send(move);
          }
        });
    return done.future()
        .eventually(() -> Future.all(room.stream().map(LoadClient::close).toList()));
  }

  private String report(List<LoadClient> room, long measuredSends) {
    long expected = measuredSends * (room.size() - 1);
    long duplicates = room.stream().mapToLong(LoadClient::duplicates).sum();
    long rateLimited = room.stream().mapToLong(LoadClient::rateLimited).sum();
    return String.format(
        "room: %d clients, %d changes/s for %d s (after %d s warm-up)%n"
            + "  change-to-peer latency: %s%n"
            + "  deliveries: %d of %d expected (%.0f/s), lost %d, duplicated %d%n"
            + "  refused for the rate (LM1: raise ATELIER_CHANGES_PER_SECOND): %d",
        room.size(),
        rate,
        seconds,
        warmupSeconds,
        latencies.summary(),
        deliveries.get(),
        expected,
        deliveries.get() / (double) seconds,
        Math.max(0, expected - deliveries.get()),
        duplicates,
        rateLimited);
  }
}
