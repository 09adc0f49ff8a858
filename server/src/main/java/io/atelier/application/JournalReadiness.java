package io.atelier.application;

import io.atelier.domain.WorkshopId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * "The journal is reachable": a node that cannot read its journal cannot open a workshop after a
 * restart, nor make a change durable, so it must not take browsers. The probe is a read of a
 * workshop that never exists: a cheap query that goes all the way to the database.
 */
public final class JournalReadiness implements ReadinessCheck {
  private static final WorkshopId PROBE = new WorkshopId("readiness-probe");

  private final WorkshopJournal journal;
  private final Executor worker;

  public JournalReadiness(WorkshopJournal journal, Executor worker) {
    this.journal = journal;
    this.worker = worker;
  }

  @Override
  public String name() {
    return "journal";
  }

  @Override
  public CompletionStage<Optional<String>> problem() {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            journal.load(PROBE);
            return Optional.<String>empty();
          } catch (JournalException e) {
            return Optional.of("the journal cannot be read: " + e.getMessage());
          }
        },
        worker);
  }
}
