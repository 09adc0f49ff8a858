package io.atelier.adapter;

import io.atelier.adapter.memory.InMemoryImageStore;
import io.atelier.application.ImageStore;
import io.atelier.domain.WorkshopId;
import java.util.UUID;

class InMemoryImageStoreTest extends ImageStoreContract {
  private final InMemoryImageStore images = new InMemoryImageStore();

  @Override
  protected ImageStore images() {
    return images;
  }

  @Override
  protected WorkshopId newWorkshop() {
    return new WorkshopId("w-" + UUID.randomUUID());
  }

  /** Memory outlives nothing but itself: opening it again is finding the same map. */
  @Override
  protected void reopen() {}
}
