package io.atelier.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Blocking waits for tests, always with a timeout. */
public final class Await {
  private Await() {}

  public static <T> T result(Future<T> future) {
    return result(future.toCompletionStage());
  }

  public static <T> T result(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The failure of a stage that must fail, waited for with the same timeout. */
  public static Throwable failure(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the stage completed normally; a failure was expected");
  }

  /**
   * Polls {@code condition} until it holds, for states no event announces (a cluster's size, a
   * process's readiness); fails with {@code state} after {@code timeout}.
   */
  public static void condition(
      BooleanSupplier condition, Duration timeout, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + state.get());
      }
      try {
        Thread.sleep(50); // The poll interval: the condition decides when the wait ends.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
