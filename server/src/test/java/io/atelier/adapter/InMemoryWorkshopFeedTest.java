package io.atelier.adapter;

import io.atelier.adapter.memory.InMemoryWorkshopFeed;
import io.atelier.application.WorkshopFeed;

/** The feed contract for the feed of a single process. */
class InMemoryWorkshopFeedTest extends WorkshopFeedContract {
  @Override
  protected WorkshopFeed newFeed() {
    return new InMemoryWorkshopFeed();
  }
}
