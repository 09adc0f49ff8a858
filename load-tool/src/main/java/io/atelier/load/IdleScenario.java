package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * What an idle connection costs the server: the live heap (after a full collection, through {@code
 * jcmd}) and the resident memory before and after N people join one workshop and stay connected
 * without a word. The cost per connection includes the person in the workshop's state (name,
 * colour, token hash, presence), as it does in a real room.
 */
final class IdleScenario {
  /** Issue 8's target: 2,000 idle connections cost at most 30 KB of heap each. */
  static final double TARGET_KIB = 30;

  private final LoadContext context;
  private final int connections;

  IdleScenario(LoadContext context, int connections) {
    this.context = context;
    this.connections = connections;
  }

  Future<Report> run() {
    Memory[] before = new Memory[1];
    List<LoadClient> clients = new ArrayList<>();
    return context
        .workshops()
        .create(context.nodes().node(0), "Repos " + connections)
        .compose(workshopId -> memory().map(m -> before[0] = m).map(m -> workshopId))
        .compose(workshopId -> joinAll(workshopId, clients))
        .compose(v -> settled(clients))
        .compose(v -> memory())
        .map(after -> report(before[0], after))
        .eventually(() -> Future.all(clients.stream().map(LoadClient::close).toList()));
  }

  private Future<Void> joinAll(String workshopId, List<LoadClient> clients) {
    for (int i = 0; i < connections; i++) {
      clients.add(new LoadClient(context.sockets(), "repos-" + i));
    }
    return Room.inBatches(
        IntStream.range(0, connections).boxed().toList(),
        Room.JOINS_AT_ONCE,
        i -> clients.get(i).join(context.nodes().node(0), workshopId).mapEmpty());
  }

  /**
   * Every join is fanned out to the people already in: the server is idle once every client has the
   * newest revision. Bounded: after a minute the figures are taken anyway, and say so.
   */
  private Future<Void> settled(List<LoadClient> clients) {
    long newest = clients.stream().mapToLong(LoadClient::revision).max().orElse(0);
    Promise<Void> settled = Promise.promise();
    long deadline = System.nanoTime() + 60_000_000_000L;
    context
        .vertx()
        .setPeriodic(
            50,
            timer -> {
              boolean all = clients.stream().allMatch(c -> c.revision() >= newest);
              if (all || System.nanoTime() > deadline) {
                context.vertx().cancelTimer(timer);
                settled.complete();
              }
            });
    return settled.future();
  }

  private Future<Memory> memory() {
    OptionalLong resident = context.probe().resident(0);
    return context
        .probe()
        .liveHeap(0)
        .compose(
            live ->
                live.isPresent()
                    ? Future.succeededFuture(new Memory(live, "jcmd GC.run + GC.heap_info"))
                    : context
                        .probe()
                        .metricsHeap(context.nodes().node(0))
                        .map(heap -> new Memory(heap, heap.isPresent() ? "/metrics, no GC" : null)))
        .map(heap -> heap.withResident(resident));
  }

  private Report report(Memory before, Memory after) {
    Double heapPerConnection = perConnection(before.heap, after.heap);
    Double residentPerConnection = perConnection(before.resident, after.resident);
    JsonObject json =
        new JsonObject()
            .put("scenario", "idle")
            .put("connections", connections)
            .put("heapFrom", after.heapFrom)
            .put("heapBeforeMiB", ServerProbe.mebibytes(boxed(before.heap)))
            .put("heapAfterMiB", ServerProbe.mebibytes(boxed(after.heap)))
            .put("heapPerConnectionKiB", heapPerConnection)
            .put("targetKiB", TARGET_KIB)
            .put("rssBeforeMiB", ServerProbe.mebibytes(boxed(before.resident)))
            .put("rssAfterMiB", ServerProbe.mebibytes(boxed(after.resident)))
            .put("rssPerConnectionKiB", residentPerConnection);
    return new Report(String.format("idle: %,d connections to one workshop", connections), json)
        .row(
            "heap in use",
            after.heapFrom == null
                ? "unknown: give --server-pid (jcmd) or run a server with /metrics"
                : String.format(
                    "%s before, %s after (%s)", mib(before.heap), mib(after.heap), after.heapFrom))
        .row(
            "heap per connection",
            heapPerConnection == null
                ? "?"
                : String.format(
                    "%.1f KiB (target ≤ %.0f KB: %s)",
                    heapPerConnection,
                    TARGET_KIB,
                    heapPerConnection <= TARGET_KIB ? "met" : "missed"))
        .row(
            "resident memory",
            String.format(
                "%s before, %s after, %s per connection",
                mib(before.resident),
                mib(after.resident),
                residentPerConnection == null
                    ? "?"
                    : String.format("%.1f KiB", residentPerConnection)));
  }

  private Double perConnection(OptionalLong before, OptionalLong after) {
    if (before.isEmpty() || after.isEmpty()) {
      return null;
    }
    return Math.round((after.getAsLong() - before.getAsLong()) / 1024.0 / connections * 10) / 10.0;
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent() ? String.format("%.1f MiB", bytes.getAsLong() / 1048576.0) : "?";
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /** The server's memory at one moment. */
  private record Memory(OptionalLong heap, String heapFrom, OptionalLong resident) {
    Memory(OptionalLong heap, String heapFrom) {
      this(heap, heapFrom, OptionalLong.empty());
    }

    Memory withResident(OptionalLong rss) {
      return new Memory(heap, heapFrom, rss);
    }
  }
}
