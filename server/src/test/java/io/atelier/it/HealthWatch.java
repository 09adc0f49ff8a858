package io.atelier.it;

import io.atelier.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** GET /health four times a second while the fuzzers run. */
final class HealthWatch {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong checks = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong slowest = new AtomicLong();

  static HealthWatch watch(RunningServer server) {
    HealthWatch health = new HealthWatch();
    URI uri = URI.create(server.baseUrl() + "/health");
    health.timer.scheduleWithFixedDelay(() -> health.check(uri), 0, 250, TimeUnit.MILLISECONDS);
    return health;
  }

  private void check(URI uri) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        failures.incrementAndGet();
      }
    } catch (Exception e) {
      failures.incrementAndGet();
    }
    checks.incrementAndGet();
    slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
  }

  void stop() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(20, TimeUnit.SECONDS);
  }

  long checks() {
    return checks.get();
  }

  long failures() {
    return failures.get();
  }

  long slowestMs() {
    return slowest.get();
  }
}
