package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.adapter.memory.InMemoryImageStore;
import io.atelier.adapter.memory.InMemoryWorkshopFeed;
import io.atelier.adapter.memory.InMemoryWorkshopJournal;
import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.domain.Canvas;
import io.atelier.domain.Event;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.Language;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Progress;
import io.atelier.domain.Timer;
import io.atelier.domain.WorkshopContent;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import io.atelier.testing.Await;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WorkshopService.importWorkshop over the in-memory store and journal (EX2). */
class WorkshopServiceImportTest {
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

  private final InMemoryWorkshopJournal journal = new InMemoryWorkshopJournal();
  private final InMemoryWorkshopStore memory = new InMemoryWorkshopStore();

  private WorkshopService service(WorkshopStore store) {
    return new WorkshopService(
        store,
        new InMemoryImageStore(),
        new InMemoryWorkshopFeed(),
        new IdGenerator(),
        Clock.systemUTC());
  }

  private static WorkshopContent content(String noteCanvas) {
    return new WorkshopContent(
        List.of(new Participant(ANA, "Ana", "#d9480f", "a-known-hash")),
        List.of(
            new Note("n-1", noteCanvas, 0, 0, 200, 140, "Idée", NoteColor.PINK, 3, ANA, 5, false)),
        FacilitationState.of(
            List.of(new Canvas("main", "Canevas", "msc", 1, false)),
            Map.of(ANA, "main"),
            List.of(),
            List.of(),
            Progress.NOT_STARTED,
            Timer.STOPPED));
  }

  @Test
  @DisplayName("EX2 an import is one journaled event; participants get token hashes nobody knows")
  void importsAsOneEvent() {
    WorkshopService workshops = service(new JournalingWorkshopStore(memory, journal));
    var created = Await.result(workshops.importWorkshop("Copie", Language.EN, content("main")));
    WorkshopId id = created.facts().id();
    assertThat(created.facts().title()).isEqualTo("Copie");
    assertThat(created.facts().language()).isEqualTo(Language.EN);

    List<Event> events = journal.load(id).orElseThrow().events();
    assertThat(events).hasSize(1).first().isInstanceOf(Event.ContentImported.class);
    WorkshopContent stored =
        Await.result(memory.execute(id, new WorkshopOperation.ReadContent())).orElseThrow();
    assertThat(stored.notes()).isEqualTo(content("main").notes());
    assertThat(stored.facilitation()).isEqualTo(content("main").facilitation());
    Participant ana = stored.participants().get(0);
    assertThat(ana.name()).isEqualTo("Ana");
    assertThat(ana.color()).isEqualTo("#d9480f");
    assertThat(ana.tokenHash()).isNotEqualTo("a-known-hash").hasSize(64);
  }

  @Test
  @DisplayName("EX2 a content that does not hold together is refused before anything is created")
  void refusesBeforeCreating() {
    WorkshopService workshops = service(new JournalingWorkshopStore(memory, journal));
    assertThatThrownBy(() -> workshops.importWorkshop("Copie", Language.FR, content("ghost")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ghost");
    assertThat(journal.idleSince(FAR_FUTURE)).isEmpty();
  }

  @Test
  @DisplayName("EX2 when the import itself fails, the empty workshop it created is removed")
  void failedImportLeavesNothing() {
    WorkshopStore failing =
        new JournalingWorkshopStore(
            new WorkshopStore() {
              @Override
              public CompletionStage<Void> create(WorkshopState state) {
                return memory.create(state);
              }

              @Override
              public CompletionStage<Boolean> delete(WorkshopId id) {
                return memory.delete(id);
              }

              @Override
              public <R> CompletionStage<Map<WorkshopId, R>> executeOnAll(
                  WorkshopOperation<R> operation) {
                return memory.executeOnAll(operation);
              }

              @Override
              public <R> CompletionStage<Optional<R>> execute(
                  WorkshopId id, WorkshopOperation<R> operation) {
                if (operation instanceof WorkshopOperation.ImportContent) {
                  return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
                }
                return memory.execute(id, operation);
              }
            },
            journal);
    WorkshopService workshops = service(failing);
    Throwable failure =
        Await.failure(workshops.importWorkshop("Copie", Language.FR, content("main")));
    assertThat(failure).hasMessage("disk full");
    assertThat(journal.idleSince(FAR_FUTURE)).isEmpty();
  }
}
