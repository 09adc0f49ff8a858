package io.atelier.adapter;

import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.application.WorkshopStore;

class InMemoryWorkshopStoreTest extends WorkshopStoreContract {
  private final InMemoryWorkshopStore store = new InMemoryWorkshopStore();

  @Override
  protected WorkshopStore store() {
    return store;
  }
}
