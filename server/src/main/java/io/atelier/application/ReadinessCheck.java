package io.atelier.application;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One condition a node needs before a load balancer may send it browsers: its Hazelcast member in
 * an active cluster today, a reachable journal later. {@link Readiness} asks every check on each
 * {@code GET /ready}.
 */
public interface ReadinessCheck {
  /** A short name for logs and for the reason given when the check fails or does not answer. */
  String name();

  /**
   * Empty when the condition holds, otherwise why not, in words an operator can read. Called on an
   * event loop: the answer may come later, but the call itself must never block (run blocking calls
   * on a worker).
   */
  CompletionStage<Optional<String>> problem();
}
