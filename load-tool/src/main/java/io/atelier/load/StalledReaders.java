package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * LM11: readers that join a room, then stop reading at the TCP level (a small receive buffer, then
 * paused): they receive nothing more, send nothing, and count in no figure. The server's queue for
 * each grows once the kernel's buffers are full; whether it dropped them is said at the end.
 */
final class StalledReaders {
  /** How long a reader that reads again may take to learn it was closed. */
  private static final long OUTCOME_MILLIS = 5_000;

  private final LoadContext context;
  private final int count;
  private final List<LoadClient> readers = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();
  private WebSocketClient small; // Kept: an unreferenced client may be collected mid-run.

  StalledReaders(LoadContext context, int count) {
    this.context = context;
    this.count = count;
  }

  /** Joins the readers to {@code room}'s first node, each paused once it is synced. */
  Future<Void> join(Room room) {
    if (count == 0) {
      return Future.succeededFuture();
    }
    small =
        context
            .vertx()
            .createWebSocketClient(
                new WebSocketClientOptions()
                    .setReceiveBufferSize(16 * 1024)
                    .setMaxMessageSize(64 << 20));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < count; i++) {
      LoadClient reader = new LoadClient(small, "lent-" + i);
      readers.add(reader);
      chain =
          chain.compose(
              v ->
                  reader
                      .join(context.nodes().node(0), room.workshopId())
                      .onSuccess(revision -> reader.stopReading())
                      .mapEmpty());
    }
    return chain;
  }

  /** Each reader reads again: what the server did with it shows as how it is closed. */
  Future<Void> settle() {
    List<Future<String>> outcomes = new ArrayList<>();
    for (LoadClient reader : readers) {
      reader.readAgain();
      Promise<String> outcome = Promise.promise();
      reader.closed().onSuccess(outcome::tryComplete);
      context.vertx().setTimer(OUTCOME_MILLIS, t -> outcome.tryComplete("still open"));
      outcomes.add(outcome.future());
    }
    return Future.join(outcomes)
        .onComplete(all -> outcomes.forEach(o -> this.outcomes.add(o.result())))
        .mapEmpty();
  }

  /** How each reader ended, once {@link #settle()} is done: a close code and reason, or not. */
  List<String> outcomes() {
    return outcomes;
  }

  Future<Void> close() {
    return Future.all(readers.stream().map(LoadClient::close).toList()).mapEmpty();
  }

  int count() {
    return count;
  }
}
