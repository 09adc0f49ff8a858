package io.atelier.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Whether this node may take traffic ({@code GET /ready}): none of its {@link ReadinessCheck}s
 * reports a problem and it is not stopping. Liveness ({@code GET /health}) is a different question:
 * a node that is alive but not ready is left running and only taken out of the load balancer.
 */
public final class Readiness {
  /** A check that has not answered within this time counts as failed. */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final Supplier<CompletionStage<Integer>> members;
  private final Duration checkTimeout;
  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
  private volatile boolean stopping;

  /** What {@code GET /ready} answers: ready with the cluster's size, or the first problem. */
  public record Report(Optional<String> problem, int members) {
    public boolean ready() {
      return problem.isEmpty();
    }
  }

  /**
   * @param members how many members the node's cluster has now (1 without a cluster); asked only
   *     once every check has passed
   */
  public Readiness(Supplier<CompletionStage<Integer>> members, List<ReadinessCheck> checks) {
    this(members, checks, CHECK_TIMEOUT);
  }

  Readiness(
      Supplier<CompletionStage<Integer>> members,
      List<ReadinessCheck> checks,
      Duration checkTimeout) {
    this.members = members;
    this.checks.addAll(checks);
    this.checkTimeout = checkTimeout;
  }

  /** Adds a check, e.g. "journal reachable", asked after those already there. */
  public Readiness add(ReadinessCheck check) {
    checks.add(check);
    return this;
  }

  /** From now on the node reports "stopping": the load balancer stops sending it browsers. */
  public void stopping() {
    stopping = true;
  }

  /**
   * Asks every check at once; the report names the first problem in the order checks were added.
   */
  public CompletionStage<Report> report() {
    if (stopping) {
      return CompletableFuture.completedFuture(notReady("this node is stopping"));
    }
    List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      answers.add(ask(check));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenCompose(
            all -> {
              for (CompletableFuture<Optional<String>> answer : answers) {
                Optional<String> problem = answer.join();
                if (problem.isPresent()) {
                  return CompletableFuture.completedFuture(notReady(problem.get()));
                }
              }
              return members.get().thenApply(count -> new Report(Optional.empty(), count));
            })
        .exceptionally(error -> notReady("readiness could not be checked: " + message(error)));
  }

  private CompletableFuture<Optional<String>> ask(ReadinessCheck check) {
    CompletionStage<Optional<String>> answer;
    try {
      answer = check.problem();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Optional.of(check.name() + ": " + message(e)));
    }
    return answer
        .toCompletableFuture()
        .copy() // Our own future: completing it on timeout leaves the check's future alone.
        .completeOnTimeout(
            Optional.of(check.name() + " did not answer within " + checkTimeout.toMillis() + " ms"),
            checkTimeout.toMillis(),
            TimeUnit.MILLISECONDS)
        .exceptionally(error -> Optional.of(check.name() + ": " + message(error)));
  }

  private static Report notReady(String problem) {
    return new Report(Optional.of(problem), 0);
  }

  private static String message(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
