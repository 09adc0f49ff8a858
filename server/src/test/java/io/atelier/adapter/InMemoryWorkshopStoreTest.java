package io.atelier.adapter;

import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.application.WorkshopLoader;
import io.atelier.application.WorkshopStore;
import java.util.concurrent.Executor;

class InMemoryWorkshopStoreTest extends WorkshopStoreContract {
  private final InMemoryWorkshopStore store = new InMemoryWorkshopStore();

  @Override
  protected WorkshopStore store() {
    return store;
  }

  @Override
  protected WorkshopStore storeLoadingFrom(WorkshopLoader loader, Executor loading) {
    return new InMemoryWorkshopStore(loader, loading);
  }
}
