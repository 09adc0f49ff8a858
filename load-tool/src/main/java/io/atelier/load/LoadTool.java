package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives running Atelier servers over their real protocol and prints latencies, deliveries and the
 * servers' CPU and memory: a table, then the same figures as one JSON line. Bounded in clients,
 * rate and time, and refuses any server that is not on this machine. docs/performance.md has the
 * commands and what each scenario measures.
 *
 * <pre>
 * java -jar load-tool/target/atelier-load.jar --url http://127.0.0.1:8080 \
 *     --scenario room --rooms 1 --clients 200 --rate 200 --seconds 30 [--stalled 1]
 * java -jar load-tool/target/atelier-load.jar --scenario ramp --rooms 50 --clients 10 --rate 1000
 * java -jar load-tool/target/atelier-load.jar --scenario idle --clients 2000 --server-pid 1234
 * java -jar load-tool/target/atelier-load.jar --scenario join --notes 2000 --runs 20 [--warmup-runs 300]
 * java -jar load-tool/target/atelier-load.jar --scenario draw --notes 2000 --runs 10
 * </pre>
 */
public final class LoadTool {
  /** The most sockets one run opens, whatever the scenario. */
  static final int MAX_CONNECTIONS = 20_000;

  private LoadTool() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      System.out.println(wait(run(vertx, options, System.out::println)));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Runs the scenario {@code options} name; {@code progress} hears of each ramp step. */
  static Future<Report> run(
      Vertx vertx, Options options, java.util.function.Consumer<String> progress) {
    Nodes nodes = Nodes.parse(options.text("url", "http://127.0.0.1:8080"));
    String scenario = options.text("scenario", "room");
    ServerProbe probe =
        new ServerProbe(vertx, nodes, ServerProbe.pids(options.text("server-pid", null), nodes));
    WebSocketClient sockets =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxConnections(MAX_CONNECTIONS)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(64 << 20));
    LoadContext context = new LoadContext(vertx, sockets, nodes, new Workshops(vertx), probe);
    // Every option is read and checked before anything is sent: a typo costs no workshop.
    Supplier<Future<Report>> run =
        switch (scenario) {
          case "room" -> room(context, options)::run;
          case "ramp" -> ramp(context, options, progress)::run;
          case "idle" ->
              new IdleScenario(context, options.integer("clients", 2_000, 1, MAX_CONNECTIONS))::run;
          case "join" ->
              new JoinScenario(
                      context,
                      options.integer("notes", 2_000, 1, 20_000),
                      options.integer("runs", 20, 1, 200),
                      options.integer("warmup-runs", 300, 0, 2_000))
                  ::run;
          case "draw" ->
              new DrawScenario(
                      context,
                      options.integer("notes", 2_000, 1, 20_000),
                      options.integer("runs", 10, 1, 50),
                      cpuProfile(options))
                  ::run;
          default ->
              throw new IllegalArgumentException(
                  "--scenario is room, ramp, idle, join or draw, not " + scenario);
        };
    options.requireAllRead();
    return run.get();
  }

  private static RoomScenario room(LoadContext context, Options options) {
    int rooms = options.integer("rooms", 1, 1, 1_000);
    return new RoomScenario(
        context,
        rooms,
        clientsPerRoom(options, rooms, 100),
        options.integer("rate", 200, 1, 100_000),
        options.integer("seconds", 30, 1, 600),
        options.integer("warmup", 5, 0, 120),
        edits(options),
        options.integer("drain", 5, 1, 60),
        options.integer("stalled", 0, 0, 100));
  }

  private static RampScenario ramp(
      LoadContext context, Options options, java.util.function.Consumer<String> progress) {
    int rooms = options.integer("rooms", 50, 1, 1_000);
    RampPlan plan =
        new RampPlan(
            options.integer("rate", 1_000, 1, 100_000),
            options.decimal("step", 1.25, 1.01, 4),
            options.integer("max-rate", 40_000, 1, 100_000),
            options.decimal("bound-ms", 50, 0.1, 10_000));
    return new RampScenario(
        context,
        rooms,
        clientsPerRoom(options, rooms, 10),
        plan,
        options.integer("seconds", 5, 1, 120),
        options.integer("warmup", 1, 0, 60),
        options.integer("first-warmup", 10, 0, 120),
        edits(options),
        options.integer("drain", 5, 1, 60),
        progress);
  }

  private static int clientsPerRoom(Options options, int rooms, int fallback) {
    int clients = options.integer("clients", fallback, 2, MAX_CONNECTIONS);
    if ((long) rooms * clients > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "--rooms × --clients opens at most " + MAX_CONNECTIONS + " sockets");
    }
    return clients;
  }

  private static Edits.Kind edits(Options options) {
    String kind = options.text("edits", "full");
    try {
      return Edits.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--edits is full or move, not " + kind);
    }
  }

  /** {@code --cpu-profile FILE}: where the draw scenario writes its last page's CPU profile. */
  private static java.nio.file.Path cpuProfile(Options options) {
    String file = options.text("cpu-profile", null);
    return file == null ? null : java.nio.file.Path.of(file).toAbsolutePath();
  }

  static <T> T wait(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.MINUTES);
  }
}
