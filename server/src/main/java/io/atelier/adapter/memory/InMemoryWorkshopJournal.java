package io.atelier.adapter.memory;

import io.atelier.application.JournaledWorkshop;
import io.atelier.application.WorkshopJournal;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A journal in the memory of this process, for a single process without disk and for tests: it
 * keeps the rules of the JDBC journal (ids are unique, a workshop is created before its events, an
 * older checkpoint never replaces a newer one) but nothing survives the process. Stages complete at
 * once; {@link #close()} releases nothing, so the journal stays readable after it.
 */
public final class InMemoryWorkshopJournal implements WorkshopJournal {
  private final ConcurrentMap<WorkshopId, Entry> workshops = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> create(WorkshopFacts facts) {
    if (workshops.putIfAbsent(facts.id(), new Entry(facts)) != null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("Workshop " + facts.id() + " exists in the journal"));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> append(WorkshopId id, List<Event> events) {
    Entry entry = workshops.get(id);
    if (entry == null) {
      return unknown(id);
    }
    synchronized (entry) {
      for (Event event : events) {
        if (entry.events.containsKey(event.revision())) {
          return CompletableFuture.failedFuture(
              new IllegalStateException(
                  "Revision " + event.revision() + " of " + id + " is already journaled"));
        }
      }
      events.forEach(event -> entry.events.put(event.revision(), event));
      entry.lastActive = Instant.now();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> checkpoint(Checkpoint checkpoint) {
    WorkshopId id = checkpoint.facts().id();
    Entry entry = workshops.get(id);
    if (entry == null) {
      return unknown(id);
    }
    synchronized (entry) {
      if (entry.checkpoint == null || entry.checkpoint.revision() <= checkpoint.revision()) {
        entry.checkpoint = checkpoint;
        entry.events.headMap(checkpoint.revision(), true).clear();
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Optional<JournaledWorkshop> load(WorkshopId id) {
    Entry entry = workshops.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      return Optional.of(
          new JournaledWorkshop(
              entry.facts,
              Optional.ofNullable(entry.checkpoint),
              new ArrayList<>(entry.events.values())));
    }
  }

  @Override
  public List<WorkshopId> idleSince(Instant cutoff) {
    List<WorkshopId> idle = new ArrayList<>();
    workshops.forEach(
        (id, entry) -> {
          synchronized (entry) {
            if (entry.lastActive.isBefore(cutoff)) {
              idle.add(id);
            }
          }
        });
    return idle;
  }

  @Override
  public CompletionStage<Void> delete(WorkshopId id) {
    workshops.remove(id);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    // Every write is already complete; there is nothing to release.
  }

  private static CompletionStage<Void> unknown(WorkshopId id) {
    return CompletableFuture.failedFuture(
        new IllegalStateException("Workshop " + id + " is not in the journal"));
  }

  /** One workshop; guarded by its own monitor. */
  private static final class Entry {
    final WorkshopFacts facts;
    Checkpoint checkpoint;
    final TreeMap<Long, Event> events = new TreeMap<>();
    Instant lastActive = Instant.now();

    Entry(WorkshopFacts facts) {
      this.facts = facts;
    }
  }
}
