package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The servers' CPU and memory over a measured window, and this tool's own CPU (a tool that uses a
 * whole core measures itself, not the server). CPU is read from {@code /proc/P/stat} at both ends
 * of the window, as a percentage of one core; memory is the resident set at the end, and the heap
 * in use from {@code GET /metrics} when the server answers it. Servers whose process is not known
 * get only the heap from /metrics, or nothing.
 */
final class ServerProbe {
  private final Vertx vertx;
  private final HttpClient http;
  private final Nodes nodes;
  private final List<OptionalLong> pids;
  private final long ticksPerSecond = ProcFiles.ticksPerSecond();

  ServerProbe(Vertx vertx, Nodes nodes, List<OptionalLong> pids) {
    if (pids.size() != nodes.size()) {
      throw new IllegalArgumentException("--server-pid names one process per --url");
    }
    this.vertx = vertx;
    this.http = vertx.createHttpClient();
    this.nodes = nodes;
    this.pids = List.copyOf(pids);
  }

  /** {@code --server-pid P[,P2]}, or the process listening on each node's port, if found. */
  static List<OptionalLong> pids(String option, Nodes nodes) {
    List<OptionalLong> pids = new ArrayList<>();
    if (option != null) {
      for (String pid : option.split(",")) {
        pids.add(OptionalLong.of(Long.parseLong(pid.strip())));
      }
      return pids;
    }
    for (URI url : nodes.urls()) {
      pids.add(ListeningProcess.of(url.getPort()));
    }
    return pids;
  }

  OptionalLong pid(int node) {
    return pids.get(node);
  }

  /** The CPU times now: one end of a window. */
  Mark mark() {
    long[] ticks = new long[pids.size()];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = pids.get(i).isPresent() ? ticks(pids.get(i).getAsLong()) : -1;
    }
    return new Mark(
        System.nanoTime(),
        ticks,
        ticks(ProcessHandle.current().pid()),
        ProcFiles.machineBusyTicks(ProcFiles.machineStat()));
  }

  /** What every server and this tool used from {@code start} until now. */
  Future<Usage> usageSince(Mark start) {
    Mark end = mark();
    double seconds = (end.nanos - start.nanos) / 1e9;
    List<Future<NodeUsage>> usages = new ArrayList<>();
    for (int i = 0; i < pids.size(); i++) {
      OptionalLong pid = pids.get(i);
      Double cpu = pid.isPresent() ? percent(end.ticks[i] - start.ticks[i], seconds) : null;
      Long rss =
          pid.isPresent()
              ? boxed(ProcFiles.residentBytes(ProcFiles.read(pid.getAsLong(), "status")))
              : null;
      URI url = nodes.urls().get(i);
      usages.add(
          metricsHeap(url)
              .map(
                  heap ->
                      new NodeUsage(
                          url.toString(),
                          boxed(pid),
                          cpu,
                          rss,
                          boxed(heap),
                          heap.isPresent() ? "/metrics" : null)));
    }
    long toolTicks = end.toolTicks - start.toolTicks;
    double tool = percent(toolTicks, seconds);
    // What the machine did besides this run: the figures are only clean when it is near zero.
    long others = end.machineTicks - start.machineTicks - toolTicks;
    for (int i = 0; i < pids.size(); i++) {
      others -= pids.get(i).isPresent() ? end.ticks[i] - start.ticks[i] : 0;
    }
    double othersPercent = percent(Math.max(0, others), seconds);
    return Future.all(usages).map(all -> new Usage(all.<NodeUsage>list(), tool, othersPercent));
  }

  /**
   * The live heap of a node's process after a full collection ({@code jcmd}); empty when its
   * process is not known.
   */
  Future<OptionalLong> liveHeap(int node) {
    OptionalLong pid = pids.get(node);
    if (pid.isEmpty()) {
      return Future.succeededFuture(OptionalLong.empty());
    }
    return vertx.executeBlocking(() -> Jcmd.liveHeapBytes(pid.getAsLong()));
  }

  /** The resident set of a node's process now, when known. */
  OptionalLong resident(int node) {
    OptionalLong pid = pids.get(node);
    return pid.isPresent()
        ? ProcFiles.residentBytes(ProcFiles.read(pid.getAsLong(), "status"))
        : OptionalLong.empty();
  }

  /** The heap gauge of {@code GET /metrics}; empty when the server has no such page (yet). */
  Future<OptionalLong> metricsHeap(URI url) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(url.getHost())
            .setPort(url.getPort())
            .setURI("/metrics");
    return http.request(request)
        .compose(r -> r.send())
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body ->
                            response.statusCode() == 200
                                ? HeapReadings.fromPrometheus(body.toString())
                                : OptionalLong.empty()))
        .otherwise(OptionalLong.empty());
  }

  private long ticks(long pid) {
    return ProcFiles.cpuTicks(ProcFiles.read(pid, "stat"));
  }

  private double percent(long ticks, double seconds) {
    return seconds <= 0 ? 0 : Math.round(1000.0 * ticks / ticksPerSecond / seconds) / 10.0;
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /**
   * CPU times at one moment, in ticks: the servers' (-1 when unknown), this tool's, and the whole
   * machine's busy time.
   */
  record Mark(long nanos, long[] ticks, long toolTicks, long machineTicks) {}

  /** One server over a window; null where it could not be read. */
  record NodeUsage(
      String url,
      Long pid,
      Double cpuPercent,
      Long residentBytes,
      Long heapBytes,
      String heapFrom) {
    JsonObject json() {
      return new JsonObject()
          .put("url", url)
          .put("pid", pid)
          .put("cpuPercentOfOneCore", cpuPercent)
          .put("rssMiB", mebibytes(residentBytes))
          .put("heapMiB", mebibytes(heapBytes))
          .put("heapFrom", heapFrom);
    }

    String line() {
      return String.format(
          "%s (pid %s): CPU %s of one core, RSS %s, heap %s",
          url,
          pid == null ? "unknown: give --server-pid" : pid,
          cpuPercent == null ? "?" : String.format("%.1f %%", cpuPercent),
          residentBytes == null ? "?" : String.format("%.0f MiB", mebibytes(residentBytes)),
          heapBytes == null
              ? "? (no /metrics)"
              : String.format("%.0f MiB (%s)", mebibytes(heapBytes), heapFrom));
    }
  }

  /**
   * Every server's use over a window, this tool's CPU in it, and the CPU every other process of the
   * machine used meanwhile (a build next door makes the figures meaningless; this says so).
   */
  record Usage(List<NodeUsage> nodes, double toolCpuPercent, double othersCpuPercent) {
    JsonObject json() {
      JsonArray servers = new JsonArray();
      nodes.forEach(node -> servers.add(node.json()));
      return new JsonObject()
          .put("servers", servers)
          .put("toolCpuPercentOfOneCore", toolCpuPercent)
          .put("othersCpuPercentOfOneCore", othersCpuPercent);
    }
  }

  static Double mebibytes(Long bytes) {
    return bytes == null ? null : Math.round(bytes / 1048576.0 * 10) / 10.0;
  }
}
