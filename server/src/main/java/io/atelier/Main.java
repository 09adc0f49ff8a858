package io.atelier;

import io.atelier.config.AtelierConfig;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node from the environment (see README) and stops it cleanly on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    AtelierConfig config;
    try {
      config = AtelierConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    AtelierServer server;
    try {
      server = AtelierServer.start(config).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      LOG.error("Atelier could not start", e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping Atelier");
                  try {
                    server.stop().toCompletionStage().toCompletableFuture().get();
                  } catch (Exception e) {
                    LOG.warn("Atelier did not stop cleanly", e);
                  }
                  stopped.countDown();
                },
                "atelier-shutdown"));
    stopped.await();
  }
}
