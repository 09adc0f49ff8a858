package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One workshop of a run and its clients, each with a note of its own that it edits. Client {@code
 * i} joins node {@code i} round-robin, so with several nodes every room spans all of them.
 */
final class Room {
  /** How many clients join at once: enough to be quick, few enough not to time out a join. */
  static final int JOINS_AT_ONCE = 16;

  /** Where every client's messages go: the scenario measuring now. */
  interface Listener {
    void onMessage(Room room, LoadClient receiver, JsonObject message);
  }

  private final int index;
  private final String workshopId;
  private final List<LoadClient> clients = new ArrayList<>();
  private final Listener listener;

  /** The notes' creations not acknowledged yet, by change id. */
  private final Map<String, Promise<Void>> seeding = new HashMap<>();

  private Room(int index, String workshopId, Listener listener) {
    this.index = index;
    this.workshopId = workshopId;
    this.listener = listener;
  }

  int index() {
    return index;
  }

  String workshopId() {
    return workshopId;
  }

  List<LoadClient> clients() {
    return clients;
  }

  /** The note client {@code i} edits; note ids are per workshop, so every room uses the same. */
  static String noteOf(int client) {
    return "note-" + client;
  }

  /** Creates {@code rooms} workshops, joins {@code clients} to each and gives each its note. */
  static Future<List<Room>> open(
      LoadContext context, int rooms, int clients, String title, Listener listener) {
    List<Room> opened = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int r = 0; r < rooms; r++) {
      int index = r;
      chain =
          chain
              .compose(
                  v ->
                      context
                          .workshops()
                          .create(context.nodes().node(index), title + " #" + (index + 1)))
              .compose(workshopId -> new Room(index, workshopId, listener).join(context, clients))
              .compose(Room::seed)
              .map(opened::add)
              .mapEmpty();
    }
    return chain.map(v -> opened);
  }

  private Future<Room> join(LoadContext context, int count) {
    for (int i = 0; i < count; i++) {
      LoadClient client = new LoadClient(context.sockets(), "charge-" + index + "-" + i);
      client.onMessage(message -> onMessage(client, message));
      clients.add(client);
    }
    List<Integer> order = IntStream.range(0, count).boxed().toList();
    return inBatches(
            order,
            JOINS_AT_ONCE,
            i -> clients.get(i).join(context.nodes().node(i), workshopId).mapEmpty())
        .map(v -> this);
  }

  /** Every client creates its note; done once the server acknowledged them all. */
  private Future<Room> seed() {
    List<Future<Void>> acks = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      String changeId = "seed-" + i;
      Promise<Void> acked = Promise.promise();
      seeding.put(changeId, acked);
      acks.add(acked.future());
      clients.get(i).send(Edits.create(changeId, noteOf(i), i));
    }
    return Future.all(acks).map(v -> this);
  }

  private void onMessage(LoadClient receiver, JsonObject message) {
    if (!seeding.isEmpty()) {
      String type = message.getString("type");
      Promise<Void> seed =
          "ack".equals(type) || "error".equals(type)
              ? seeding.remove(String.valueOf(message.getString("changeId")))
              : null;
      if (seed != null && "ack".equals(type)) {
        seed.complete();
      } else if (seed != null) {
        seed.fail(
            "the server refused a note ("
                + message.getString("code")
                + ": "
                + message.getString("message")
                + "). Start it with ATELIER_MAX_NOTES_PER_CANVAS above --clients.");
      }
    }
    listener.onMessage(this, receiver, message);
  }

  /** Runs {@code step} over {@code items}, at most {@code atOnce} of them in flight. */
  static <T> Future<Void> inBatches(List<T> items, int atOnce, Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (int start = 0; start < items.size(); start += atOnce) {
      List<T> batch = items.subList(start, Math.min(items.size(), start + atOnce));
      chain = chain.compose(v -> Future.all(batch.stream().map(step).toList()).mapEmpty());
    }
    return chain;
  }

  long duplicates() {
    return clients.stream().mapToLong(LoadClient::duplicates).sum();
  }

  Future<Void> close() {
    return Future.all(clients.stream().map(LoadClient::close).toList()).mapEmpty();
  }
}
