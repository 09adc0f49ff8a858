package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.application.JournaledWorkshop;
import io.atelier.application.WorkshopJournal;
import io.atelier.domain.Change;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.NoteColor;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.WorkshopFacts;
import io.atelier.testing.Await;
import io.atelier.testing.RecordedWorkshop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link WorkshopJournal} must do; each adapter's test extends this class. Workshops and
 * their events come from the real domain ({@link RecordedWorkshop}), never written by hand.
 */
public abstract class WorkshopJournalContract {
  private static final int THREADS = 8;

  protected WorkshopJournal journal;

  /** Opens the adapter's store; every call opens the same store again (a restart). */
  protected abstract WorkshopJournal openJournal();

  @BeforeEach
  void openTheJournal() {
    journal = openJournal();
  }

  @AfterEach
  void closeTheJournal() {
    journal.close();
  }

  /** Closes the journal and opens its store again, as a restarted node would. */
  protected void restart() {
    journal.close();
    journal = openJournal();
  }

  protected RecordedWorkshop created(String title) {
    RecordedWorkshop workshop = new RecordedWorkshop(title);
    Await.result(journal.create(workshop.facts()));
    return workshop;
  }

  protected JournaledWorkshop loaded(RecordedWorkshop workshop) {
    return journal.load(workshop.id()).orElseThrow();
  }

  /** The journal under test, as it is now (after any restart). */
  protected WorkshopJournal journal() {
    return journal;
  }

  @Test
  @DisplayName("idleSince lists the workshops with no change since the cutoff, and only those")
  void idleSince() {
    RecordedWorkshop quiet = created("Calme");
    RecordedWorkshop busy = created("Animé");
    busy.enter("Ana");
    Await.result(journal.append(busy.id(), busy.take()));
    java.time.Instant now = java.time.Instant.now();
    assertThat(journal.idleSince(now.plusSeconds(60))).contains(quiet.id(), busy.id());
    assertThat(journal.idleSince(now.minusSeconds(60))).doesNotContain(quiet.id(), busy.id());
  }

  @Test
  @DisplayName("create then load gives the facts back, with no checkpoint and no events")
  void createThenLoad() {
    RecordedWorkshop workshop = created("Atelier des communs");
    JournaledWorkshop loaded = loaded(workshop);
    assertThat(loaded.facts()).isEqualTo(workshop.facts());
    assertThat(loaded.checkpoint()).isEmpty();
    assertThat(loaded.events()).isEmpty();
  }

  @Test
  @DisplayName(
      "a second create of a taken id fails with IllegalStateException and keeps the first facts;"
          + " the creates queued with it succeed")
  void duplicateCreateFailsAlone() {
    RecordedWorkshop first = created("Premier");
    RecordedWorkshop before = new RecordedWorkshop("Avant");
    RecordedWorkshop after = new RecordedWorkshop("Après");
    WorkshopFacts sameId = new WorkshopFacts(first.id(), "Autre", Language.EN, "h", 2L);

    CompletionStage<Void> beforeStage = journal.create(before.facts());
    CompletionStage<Void> duplicateStage = journal.create(sameId);
    CompletionStage<Void> afterStage = journal.create(after.facts());

    assertThat(Await.failure(duplicateStage))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(first.id().value());
    Await.result(beforeStage);
    Await.result(afterStage);
    assertThat(loaded(first).facts()).isEqualTo(first.facts());
    assertThat(loaded(before).facts()).isEqualTo(before.facts());
    assertThat(loaded(after).facts()).isEqualTo(after.facts());
  }

  @Test
  @DisplayName("events of every type, appended in several calls, load back equal and in order")
  void everyEventTypeRoundTrips() {
    RecordedWorkshop workshop = created("Tous les types");
    workshop.playEveryKindOfEvent();
    List<Event> events = workshop.take();
    assertThat(events)
        .extracting(event -> event.getClass().getSimpleName())
        .contains(
            "NoteCreated", "NoteUpdated", "NoteDeleted", "ParticipantJoined", "PresenceChanged");
    Await.result(journal.append(workshop.id(), events.subList(0, 3)));
    Await.result(journal.append(workshop.id(), events.subList(3, 4)));
    Await.result(journal.append(workshop.id(), events.subList(4, events.size())));

    assertThat(loaded(workshop).events()).isEqualTo(workshop.events());
  }

  @Test
  @DisplayName("rebuild() of a loaded workshop equals the state that produced its events")
  void rebuildEqualsTheOriginalState() {
    RecordedWorkshop workshop = created("Reconstruction");
    workshop.playEveryKindOfEvent();
    Await.result(journal.append(workshop.id(), workshop.take()));

    Checkpoint rebuilt = loaded(workshop).rebuild().checkpoint();

    assertThat(rebuilt).isEqualTo(workshop.state().checkpoint());
  }

  @Test
  @DisplayName(
      "a checkpoint bounds the replay: load gives it and only the later events, and rebuild"
          + " equals the state")
  void checkpointThenLaterEvents() {
    RecordedWorkshop workshop = created("Point de reprise");
    workshop.playEveryKindOfEvent();
    Await.result(journal.append(workshop.id(), workshop.take()));
    Checkpoint checkpoint = workshop.state().checkpoint();
    Await.result(journal.checkpoint(checkpoint));
    ParticipantId cleo = workshop.enter("Cleo");
    workshop.apply(
        cleo, new Change.CreateNote("c-1", "n-3", 10, 10, 200, 140, "après", NoteColor.GREEN));
    workshop.apply(cleo, new Change.BringNoteToFront("c-2", "n-1"));
    List<Event> later = workshop.take();
    Await.result(journal.append(workshop.id(), later));

    JournaledWorkshop loaded = loaded(workshop);

    assertThat(loaded.checkpoint()).contains(checkpoint);
    assertThat(loaded.events()).isEqualTo(later);
    assertThat(loaded.rebuild().checkpoint()).isEqualTo(workshop.state().checkpoint());
  }

  @Test
  @DisplayName("an older checkpoint never replaces a newer one")
  void olderCheckpointIsIgnored() {
    RecordedWorkshop workshop = created("Ordre des points");
    ParticipantId ana = workshop.enter("Ana");
    Checkpoint older = workshop.state().checkpoint();
    workshop.apply(ana, new Change.CreateNote("a-1", "n-1", 0, 0, 200, 140, "", NoteColor.GREEN));
    Await.result(journal.append(workshop.id(), workshop.take()));
    Checkpoint newer = workshop.state().checkpoint();

    Await.result(journal.checkpoint(newer));
    Await.result(journal.checkpoint(older));

    JournaledWorkshop loaded = loaded(workshop);
    assertThat(loaded.checkpoint()).contains(newer);
    assertThat(loaded.rebuild().checkpoint()).isEqualTo(workshop.state().checkpoint());
  }

  @Test
  @DisplayName(
      "delete removes the facts, events and checkpoint: load is empty and the id is free again")
  void deleteEmptiesTheWorkshop() {
    RecordedWorkshop workshop = created("À supprimer");
    RecordedWorkshop other = created("À garder");
    workshop.playEveryKindOfEvent();
    Await.result(journal.append(workshop.id(), workshop.take()));
    Await.result(journal.checkpoint(workshop.state().checkpoint()));
    workshop.enter("Cleo");
    Await.result(journal.append(workshop.id(), workshop.take()));

    Await.result(journal.delete(workshop.id()));

    assertThat(journal.load(workshop.id())).isEmpty();
    assertThat(journal.load(other.id())).isPresent();
    Await.result(journal.create(workshop.facts()));
    assertThat(loaded(workshop).events()).isEmpty();
    assertThat(loaded(workshop).checkpoint()).isEmpty();
  }

  @Test
  @DisplayName("an unknown workshop loads as empty")
  void unknownWorkshopIsEmpty() {
    assertThat(journal.load(new RecordedWorkshop("Jamais créé").id())).isEmpty();
  }

  @Test
  @DisplayName(
      "an append or a checkpoint for a workshop never created fails with IllegalStateException")
  void writesToAnUnknownWorkshopFail() {
    RecordedWorkshop workshop = new RecordedWorkshop("Jamais créé");
    workshop.enter("Ana");

    assertThat(Await.failure(journal.append(workshop.id(), workshop.take())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Await.failure(journal.checkpoint(workshop.state().checkpoint())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(journal.load(workshop.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "an append of a revision already journaled fails alone: the writes queued with it are kept")
  void duplicateRevisionFailsAlone() {
    RecordedWorkshop workshop = created("Révision en double");
    RecordedWorkshop neighbour = created("Voisin");
    ParticipantId ana = workshop.enter("Ana");
    List<Event> first = workshop.take();
    Await.result(journal.append(workshop.id(), first));
    workshop.apply(ana, new Change.CreateNote("a-1", "n-1", 0, 0, 200, 140, "", NoteColor.GREEN));
    ParticipantId ben = neighbour.enter("Ben");

    // Queued together, so that the failing append is most likely in a batch with the others.
    List<CompletionStage<Void>> others = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      if (i == 30) {
        others.add(journal.append(workshop.id(), workshop.take()));
      }
      neighbour.apply(
          ben, new Change.CreateNote("b-" + i, "n-" + i, 0, 0, 200, 140, "", NoteColor.BLUE));
      others.add(journal.append(neighbour.id(), neighbour.take()));
    }
    CompletionStage<Void> again = journal.append(workshop.id(), first);
    for (int i = 61; i <= 90; i++) {
      neighbour.apply(
          ben, new Change.CreateNote("b-" + i, "n-" + i, 0, 0, 200, 140, "", NoteColor.BLUE));
      others.add(journal.append(neighbour.id(), neighbour.take()));
    }

    assertThat(Await.failure(again)).isInstanceOf(IllegalStateException.class);
    others.forEach(Await::result);
    assertThat(loaded(workshop).events()).isEqualTo(workshop.events());
    assertThat(loaded(neighbour).events()).isEqualTo(neighbour.events());
    // Alone in its batch this time.
    assertThat(Await.failure(journal.append(workshop.id(), first)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(loaded(workshop).events()).isEqualTo(workshop.events());
  }

  @ParameterizedTest(name = "each waiting for durability before the next: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "hundreds of small appends from 8 threads at once are all there, in order, after a restart")
  void concurrentAppendsSurviveARestart(boolean waitEach) throws Exception {
    int appendsPerThread = waitEach ? 150 : 300;
    List<RecordedWorkshop> workshops = new ArrayList<>();
    List<List<Event>> eventsByThread = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      RecordedWorkshop workshop = created("Fil " + t);
      ParticipantId author = workshop.enter("Auteur" + t);
      for (int i = 1; workshop.events().size() < appendsPerThread; i++) {
        workshop.apply(
            author,
            new Change.CreateNote(
                "c-" + i, "n-" + i, i % 500, i % 300, 200, 140, "note " + i, NoteColor.BLUE));
      }
      workshops.add(workshop);
      eventsByThread.add(workshop.take());
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        RecordedWorkshop workshop = workshops.get(t);
        List<Event> events = eventsByThread.get(t);
        threads.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<Void>> pending = new ArrayList<>();
                  for (Event event : events) {
                    CompletionStage<Void> stage = journal.append(workshop.id(), List.of(event));
                    if (waitEach) {
                      Await.result(stage);
                    } else {
                      pending.add(stage.toCompletableFuture());
                    }
                  }
                  pending.forEach(Await::result);
                }));
      }
      for (Future<?> thread : threads) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long elapsedNanos = System.nanoTime() - start;
    int appends = THREADS * appendsPerThread;
    System.out.printf(
        "[journal-measure] %s, %s: %d appends from %d threads in %d ms = %.0f appends/s%n",
        getClass().getSimpleName(),
        waitEach ? "each waited for" : "pipelined",
        appends,
        THREADS,
        TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
        appends / (elapsedNanos / 1e9));

    restart();

    for (RecordedWorkshop workshop : workshops) {
      Optional<JournaledWorkshop> loaded = journal.load(workshop.id());
      assertThat(loaded).isPresent();
      assertThat(loaded.get().events()).isEqualTo(workshop.events());
    }
  }
}
