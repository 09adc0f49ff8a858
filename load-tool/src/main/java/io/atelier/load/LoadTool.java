package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives a running Atelier over its real protocol and prints latencies. Bounded in clients, rate
 * and time, and refuses any target that is not on this machine.
 *
 * <pre>
 * java -jar load-tool/target/atelier-load.jar --url http://127.0.0.1:8080 \
 *     --scenario room --clients 100 --rate 200 --seconds 30 [--stalled 1]
 * java -jar load-tool/target/atelier-load.jar --scenario join --notes 2000 --runs 20
 * </pre>
 */
public final class LoadTool {
  private LoadTool() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
    requireLoopback(url.getHost());
    String scenario = options.getOrDefault("scenario", "all");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxConnections(10_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(16 << 20));
    try {
      Workshops workshops = new Workshops(vertx, url);
      if (scenario.equals("room") || scenario.equals("all")) {
        RoomScenario room =
            new RoomScenario(
                vertx,
                client,
                workshops,
                url,
                bounded(options, "clients", 100, 1, 2_000),
                bounded(options, "rate", 200, 1, 20_000),
                bounded(options, "seconds", 30, 1, 600),
                bounded(options, "warmup", 5, 0, 60),
                bounded(options, "stalled", 0, 0, 100));
        System.out.println(wait(room.run()));
      }
      if (scenario.equals("join") || scenario.equals("all")) {
        JoinScenario join =
            new JoinScenario(
                vertx,
                client,
                workshops,
                url,
                bounded(options, "notes", 2_000, 1, 20_000),
                bounded(options, "runs", 20, 1, 200));
        System.out.println(wait(join.run()));
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  static <T> T wait(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.MINUTES);
  }

  private static void requireLoopback(String host) throws UnknownHostException {
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      throw new IllegalArgumentException("The load tool targets this machine only, not " + host);
    }
  }

  private static int bounded(
      Map<String, String> options, String name, int fallback, int min, int max) {
    int value = Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    if (value < min || value > max) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
    }
    return value;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("Options are --name value pairs; got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
