package io.atelier.adapter.memory;

import io.atelier.application.FeedMessage;
import io.atelier.application.OrderedDelivery;
import io.atelier.application.WorkshopFeed;
import java.util.function.Consumer;

/**
 * The feed of a single process: messages go to the local listener as they are, in order, as the
 * Hazelcast feed delivers its own node's messages (one contract test suite checks both).
 */
public final class InMemoryWorkshopFeed implements WorkshopFeed {
  private final OrderedDelivery local = new OrderedDelivery();

  @Override
  public void publish(FeedMessage message) {
    local.accept(message);
  }

  @Override
  public void start(Consumer<FeedMessage> listener) {
    local.start(listener);
  }

  @Override
  public void stop() {
    local.stop();
  }
}
