package io.atelier.adapter.memory;

import io.atelier.application.FeedMessage;
import io.atelier.application.WorkshopFeed;
import java.util.function.Consumer;

/** The feed of a single process: messages go straight to the local listener. */
public final class InMemoryWorkshopFeed implements WorkshopFeed {
  private volatile Consumer<FeedMessage> listener = message -> {};

  @Override
  public void publish(FeedMessage message) {
    listener.accept(message);
  }

  @Override
  public void start(Consumer<FeedMessage> listener) {
    this.listener = listener;
  }

  @Override
  public void stop() {
    listener = message -> {};
  }
}
