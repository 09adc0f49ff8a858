package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of the check list behind {@code GET /ready}, without a server. */
class ReadinessTest {
  private static final Duration SHORT = Duration.ofMillis(100);

  @Test
  @DisplayName("ready with the member count when every check passes")
  void ready() throws Exception {
    Readiness readiness =
        new Readiness(() -> CompletableFuture.completedFuture(3), List.of(passing("a")), SHORT);

    assertThat(report(readiness)).isEqualTo(new Readiness.Report(Optional.empty(), 3));
  }

  @Test
  @DisplayName("the first failing check in the order added is the reason; an added check counts")
  void firstProblem() throws Exception {
    Readiness readiness =
        new Readiness(
            () -> CompletableFuture.completedFuture(1),
            List.of(passing("hazelcast"), failing("b", "second")),
            SHORT);
    readiness.add(failing("journal", "third"));

    assertThat(report(readiness).problem()).hasValue("second");
    assertThat(report(readiness).ready()).isFalse();
  }

  @Test
  @DisplayName("a check that throws, fails or does not answer in time is a problem named after it")
  void brokenChecks() throws Exception {
    ReadinessCheck throwing =
        check(
            "throwing",
            () -> {
              throw new IllegalStateException("boom");
            });
    ReadinessCheck failed =
        check("failed", () -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    ReadinessCheck silent = check("journal", CompletableFuture::new);

    assertThat(report(new Readiness(ones(), List.of(throwing), SHORT)).problem())
        .hasValue("throwing: boom");
    assertThat(report(new Readiness(ones(), List.of(failed), SHORT)).problem())
        .hasValue("failed: down");
    assertThat(report(new Readiness(ones(), List.of(silent), SHORT)).problem())
        .hasValue("journal did not answer within 100 ms");
  }

  @Test
  @DisplayName("a stopping node is not ready, whatever its checks say")
  void stopping() throws Exception {
    Readiness readiness = new Readiness(ones(), List.of(passing("a")), SHORT);
    readiness.stopping();

    assertThat(report(readiness).problem()).hasValue("this node is stopping");
  }

  private static Readiness.Report report(Readiness readiness) throws Exception {
    return readiness.report().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static java.util.function.Supplier<CompletionStage<Integer>> ones() {
    return () -> CompletableFuture.completedFuture(1);
  }

  private static ReadinessCheck passing(String name) {
    return check(name, () -> CompletableFuture.completedFuture(Optional.empty()));
  }

  private static ReadinessCheck failing(String name, String problem) {
    return check(name, () -> CompletableFuture.completedFuture(Optional.of(problem)));
  }

  private static ReadinessCheck check(
      String name, java.util.function.Supplier<CompletionStage<Optional<String>>> answer) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CompletionStage<Optional<String>> problem() {
        return answer.get();
      }
    };
  }
}
