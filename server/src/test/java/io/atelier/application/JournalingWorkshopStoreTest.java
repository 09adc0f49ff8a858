package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.adapter.memory.InMemoryWorkshopJournal;
import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.domain.Admission;
import io.atelier.domain.Change;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.NoteColor;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import io.atelier.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store that answers only what is durable, over the real in-memory store and journal. */
class JournalingWorkshopStoreTest {
  private final FailingOnce journal = new FailingOnce(new InMemoryWorkshopJournal());
  private final WorkshopStore store =
      new JournalingWorkshopStore(new InMemoryWorkshopStore(), journal);
  private final WorkshopId id = new WorkshopId("w-journaling");

  private ParticipantId open() {
    Await.result(
        store.create(new WorkshopState(new WorkshopFacts(id, "Durable", Language.FR, "hash", 1L))));
    var enter =
        new WorkshopOperation.Enter(
            Secrets.hash("t"), new WorkshopState.Newcomer(new ParticipantId("p-ana"), "Ana"), "c");
    return ((Admission.Admitted) Await.result(store.execute(id, enter)).orElseThrow())
        .participant()
        .id();
  }

  private static WorkshopOperation.ApplyChange note(ParticipantId author, String changeId) {
    return new WorkshopOperation.ApplyChange(
        author,
        new Change.CreateNote(changeId, "n-" + changeId, 0, 0, 200, 140, "", NoteColor.YELLOW));
  }

  @Test
  @DisplayName("CH1 an answer comes only once its event is in the journal")
  void answersAfterTheJournal() {
    ParticipantId ana = open();
    var applied = (Outcome.Applied) Await.result(store.execute(id, note(ana, "c1"))).orElseThrow();
    assertThat(journal.load(id).orElseThrow().events()).contains(applied.event());
  }

  @Test
  @DisplayName("CH2 a change whose journal write failed is journaled when it is sent again")
  void resendAfterAFailedWrite() {
    ParticipantId ana = open();
    journal.failNextAppend();
    assertThatThrownBy(() -> Await.result(store.execute(id, note(ana, "c1"))))
        .hasRootCauseInstanceOf(JournalException.class);
    assertThat(journal.load(id).orElseThrow().events()).noneMatch(e -> "c1".equals(e.changeId()));

    var again = (Outcome.Duplicate) Await.result(store.execute(id, note(ana, "c1"))).orElseThrow();
    assertThat(journal.load(id).orElseThrow().events())
        .anyMatch(e -> "c1".equals(e.changeId()) && e.revision() == again.revision());
    // And a third time: already journaled, still acknowledged.
    assertThat(Await.result(store.execute(id, note(ana, "c1")))).contains(again);
  }

  @Test
  @DisplayName(
      "a checkpoint is written at the workshop's first checkpoint revision, and the events it"
          + " covers go; the next one comes 500 revisions later")
  void checkpoints() {
    ParticipantId ana = open(); // revision 1: the join
    long due = JournalingWorkshopStore.firstCheckpoint(id);
    long revision = 1;
    for (int i = 0; revision < due; i++, revision++) {
      Await.result(store.execute(id, note(ana, "c" + i)));
    }
    assertCheckpointAt(due);

    for (int i = 0; i < JournalingWorkshopStore.CHECKPOINT_EVERY; i++) {
      Await.result(store.execute(id, note(ana, "d" + i)));
    }
    assertCheckpointAt(due + JournalingWorkshopStore.CHECKPOINT_EVERY);
  }

  @Test
  @DisplayName(
      "workshops that move in step are not checkpointed together: their first checkpoints fall at"
          + " revisions their ids spread over the cycle")
  void checkpointsSpreadOverWorkshops() {
    IdGenerator ids = new IdGenerator();
    Set<Long> firsts = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      long first = JournalingWorkshopStore.firstCheckpoint(new WorkshopId(ids.workshopId()));
      assertThat(first).isBetween(1L, (long) JournalingWorkshopStore.CHECKPOINT_EVERY);
      firsts.add(first);
    }
    // 50 ids over 500 phases: about 47.6 distinct expected; 30 or fewer has odds below 1e-20.
    assertThat(firsts).hasSizeGreaterThan(30);
    assertThat(JournalingWorkshopStore.firstCheckpoint(id))
        .as("the same on every node and after a restart")
        .isEqualTo(JournalingWorkshopStore.firstCheckpoint(new WorkshopId(id.value())));
  }

  private void assertCheckpointAt(long revision) {
    Await.condition(
        () ->
            journal
                .load(id)
                .orElseThrow()
                .checkpoint()
                .filter(checkpoint -> checkpoint.revision() >= revision)
                .isPresent(),
        Duration.ofSeconds(10),
        () -> "no checkpoint at " + revision + " yet");
    JournaledWorkshop loaded = journal.load(id).orElseThrow();
    assertThat(loaded.checkpoint().map(Checkpoint::revision)).contains(revision);
    assertThat(loaded.events()).allMatch(e -> e.revision() > revision);
  }

  /** The real in-memory journal, with one append made to fail on demand (a database outage). */
  private static final class FailingOnce implements WorkshopJournal {
    private final WorkshopJournal real;
    private volatile boolean failNext;

    FailingOnce(WorkshopJournal real) {
      this.real = real;
    }

    void failNextAppend() {
      failNext = true;
    }

    @Override
    public CompletionStage<Void> create(WorkshopFacts facts) {
      return real.create(facts);
    }

    @Override
    public CompletionStage<Void> append(WorkshopId id, List<Event> events) {
      if (failNext) {
        failNext = false;
        return CompletableFuture.failedFuture(new JournalException("database down", null));
      }
      return real.append(id, events);
    }

    @Override
    public CompletionStage<Void> checkpoint(Checkpoint checkpoint) {
      return real.checkpoint(checkpoint);
    }

    @Override
    public Optional<JournaledWorkshop> load(WorkshopId id) {
      return real.load(id);
    }

    @Override
    public List<WorkshopId> idleSince(Instant cutoff) {
      return real.idleSince(cutoff);
    }

    @Override
    public CompletionStage<Void> delete(WorkshopId id) {
      return real.delete(id);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
