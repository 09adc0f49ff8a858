package io.atelier.adapter;

import io.atelier.adapter.memory.InMemoryWorkshopJournal;
import io.atelier.application.WorkshopJournal;

class InMemoryWorkshopJournalTest extends WorkshopJournalContract {
  private final InMemoryWorkshopJournal memory = new InMemoryWorkshopJournal();

  /** Memory has nothing to close: a restart finds the same journal. */
  @Override
  protected WorkshopJournal openJournal() {
    return memory;
  }
}
