package io.atelier.application;

import java.util.function.Consumer;

/**
 * Carries committed events and cursor moves to every node that serves the workshop, this one
 * included. Delivery is best effort and may reorder between publishers: clients order events by
 * revision and ask for what they miss (SY4), so the feed never has to be a log.
 */
public interface WorkshopFeed {
  void publish(FeedMessage message);

  /** Starts delivering every message, from any node, to {@code listener}. Called once. */
  void start(Consumer<FeedMessage> listener);

  void stop();
}
