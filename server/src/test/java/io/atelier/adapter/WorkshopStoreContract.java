package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.application.WorkshopLoader;
import io.atelier.application.WorkshopStore;
import io.atelier.domain.Admission;
import io.atelier.domain.CatchUp;
import io.atelier.domain.Change;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link WorkshopStore} must do; each adapter's test extends this class. */
public abstract class WorkshopStoreContract {
  /** Where the loading stores of these tests run their loader: several at once, as in a node. */
  private final ExecutorService loading =
      Executors.newFixedThreadPool(
          4,
          task -> {
            Thread thread = new Thread(task, "contract-loading");
            thread.setDaemon(true);
            return thread;
          });

  protected abstract WorkshopStore store();

  /**
   * A store of the same kind that rebuilds what it does not hold with {@code loader} (the journal,
   * in a node), run on {@code loading}.
   */
  protected abstract WorkshopStore storeLoadingFrom(WorkshopLoader loader, Executor loading);

  @AfterEach
  void stopLoading() {
    loading.shutdownNow();
  }

  /** A loading store whose loader counts its calls in {@code loads} before it answers. */
  private WorkshopStore countingLoads(AtomicInteger loads, WorkshopLoader loader) {
    return storeLoadingFrom(
        wanted -> {
          loads.incrementAndGet();
          return loader.load(wanted);
        },
        loading);
  }

  /** The revisions the operations applied, in order; each must have been applied. */
  private static List<Long> appliedRevisions(List<CompletableFuture<Optional<Outcome>>> pending) {
    return pending.stream()
        .map(Await::result)
        .map(o -> ((Outcome.Applied) o.orElseThrow()).event().revision())
        .sorted()
        .toList();
  }

  /** A workshop as the journal would give it back: one participant, Ana, already in. */
  private static WorkshopState saved(WorkshopId id) {
    WorkshopState state =
        new WorkshopState(new WorkshopFacts(id, "Rechargé", Language.FR, Secrets.hash("key"), 1L));
    new WorkshopOperation.Enter(
            Secrets.hash("t-Ana"),
            new WorkshopState.Newcomer(new ParticipantId("p-Ana"), "Ana"),
            "c-Ana")
        .applyTo(state);
    return state;
  }

  private WorkshopId newWorkshop() {
    WorkshopId id = new WorkshopId("w-" + UUID.randomUUID());
    Await.result(
        store()
            .create(
                new WorkshopState(
                    new WorkshopFacts(id, "Contrat", Language.FR, Secrets.hash("key"), 1L))));
    return id;
  }

  private ParticipantId enter(WorkshopId id, String name) {
    var enter =
        new WorkshopOperation.Enter(
            Secrets.hash("t-" + name),
            new WorkshopState.Newcomer(new ParticipantId("p-" + name), name),
            "c-" + name);
    var admission = (Admission.Admitted) Await.result(store().execute(id, enter)).orElseThrow();
    return admission.participant().id();
  }

  private static WorkshopOperation.ApplyChange create(ParticipantId author, String changeId) {
    return new WorkshopOperation.ApplyChange(
        author,
        new Change.CreateNote(changeId, "n-" + changeId, 0, 0, 200, 140, "", NoteColor.GREEN));
  }

  @Test
  @DisplayName("an operation on every workshop runs on each and answers per workshop")
  void executeOnAll() {
    WorkshopId first = newWorkshop();
    WorkshopId second = newWorkshop();
    var facts = Await.result(store().executeOnAll(new WorkshopOperation.ReadFacts()));
    assertThat(facts).containsKeys(first, second);
    assertThat(facts.get(first).id()).isEqualTo(first);
  }

  @Test
  @DisplayName("a deleted workshop is gone: operations find nothing, a second delete says so")
  void delete() {
    WorkshopId id = newWorkshop();
    assertThat(Await.result(store().delete(id))).isTrue();
    assertThat(Await.result(store().execute(id, new WorkshopOperation.ReadFacts()))).isEmpty();
    assertThat(Await.result(store().delete(id))).isFalse();
  }

  @Test
  @DisplayName("a created workshop can be read back; a second create with its id fails")
  void createAndRead() {
    WorkshopId id = newWorkshop();
    var facts = Await.result(store().execute(id, new WorkshopOperation.ReadFacts()));
    assertThat(facts).hasValueSatisfying(f -> assertThat(f.title()).isEqualTo("Contrat"));
    var duplicate = new WorkshopState(new WorkshopFacts(id, "Autre", Language.EN, "h", 2L));
    assertThatThrownBy(() -> Await.result(store().create(duplicate)))
        .hasMessageContaining("exists");
    assertThat(
            Await.result(store().execute(id, new WorkshopOperation.ReadFacts()))
                .orElseThrow()
                .title())
        .isEqualTo("Contrat");
  }

  @Test
  @DisplayName("an operation on a workshop that does not exist answers empty and creates nothing")
  void missingWorkshop() {
    WorkshopId id = new WorkshopId("w-missing-" + UUID.randomUUID());
    var enter =
        new WorkshopOperation.Enter(
            "h", new WorkshopState.Newcomer(new ParticipantId("p-x"), "X"), "c");
    assertThat(Await.result(store().execute(id, enter))).isEmpty();
    assertThat(Await.result(store().execute(id, new WorkshopOperation.ReadFacts()))).isEmpty();
  }

  @Test
  @DisplayName(
      "RV1 changes are applied atomically and keep their effect: state survives between operations")
  void changesPersistBetweenOperations() {
    WorkshopId id = newWorkshop();
    ParticipantId ana = enter(id, "Ana");
    Outcome first = Await.result(store().execute(id, create(ana, "a-1"))).orElseThrow();
    Outcome again = Await.result(store().execute(id, create(ana, "a-1"))).orElseThrow();
    assertThat(first).isInstanceOf(Outcome.Applied.class);
    assertThat(again).isInstanceOf(Outcome.Duplicate.class);
    CatchUp catchUp =
        Await.result(store().execute(id, new WorkshopOperation.ReadCatchUp(null))).orElseThrow();
    assertThat(((CatchUp.Snapshot) catchUp).notes()).hasSize(1);
  }

  @Test
  @DisplayName("RV1 concurrent operations on one workshop are serialised: revisions are contiguous")
  void concurrentOperationsAreSerialised() {
    WorkshopId id = newWorkshop();
    ParticipantId ana = enter(id, "Ana");
    List<CompletableFuture<Optional<Outcome>>> pending = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      CompletionStage<Optional<Outcome>> stage = store().execute(id, create(ana, "c-" + i));
      pending.add(stage.toCompletableFuture());
    }
    List<Long> revisions = appliedRevisions(pending);
    assertThat(revisions).doesNotHaveDuplicates().hasSize(200);
    assertThat(revisions.get(199) - revisions.get(0)).isEqualTo(199);
  }

  @Test
  @DisplayName(
      "a workshop the store does not hold is rebuilt with the loader at its first operation, once;"
          + " the next operations find it in memory, with their effects; an unknown one is asked"
          + " for and stays absent")
  void loadsWhatItDoesNotHold() {
    WorkshopId id = new WorkshopId("w-loaded-" + UUID.randomUUID());
    AtomicInteger loads = new AtomicInteger();
    WorkshopStore store =
        countingLoads(
            loads, wanted -> wanted.equals(id) ? Optional.of(saved(id)) : Optional.empty());

    var facts = Await.result(store.execute(id, new WorkshopOperation.ReadFacts()));
    assertThat(facts).hasValueSatisfying(f -> assertThat(f.title()).isEqualTo("Rechargé"));
    ParticipantId ana = new ParticipantId("p-Ana");
    Outcome first = Await.result(store.execute(id, create(ana, "l-1"))).orElseThrow();
    Outcome second = Await.result(store.execute(id, create(ana, "l-2"))).orElseThrow();
    assertThat(((Outcome.Applied) second).event().revision())
        .isEqualTo(((Outcome.Applied) first).event().revision() + 1);
    assertThat(loads).hasValue(1);

    WorkshopId unknown = new WorkshopId("w-unknown-" + UUID.randomUUID());
    assertThat(Await.result(store.execute(unknown, new WorkshopOperation.ReadFacts()))).isEmpty();
    assertThat(loads).hasValue(2);
    assertThat(Await.result(store.execute(unknown, new WorkshopOperation.ReadFacts()))).isEmpty();
    assertThat(loads).hasValue(3);
  }

  @Test
  @DisplayName(
      "a load that fails fails the operation, never answering \"no such workshop\" nor keeping"
          + " anything in its place: the next operation loads again")
  void failedLoad() {
    WorkshopId id = new WorkshopId("w-unreadable-" + UUID.randomUUID());
    AtomicInteger loads = new AtomicInteger();
    WorkshopStore store =
        countingLoads(
            loads,
            wanted -> {
              if (loads.get() == 1) {
                throw new IllegalStateException("journal unreadable");
              }
              return Optional.of(saved(id));
            });

    assertThatThrownBy(() -> Await.result(store.execute(id, new WorkshopOperation.ReadFacts())))
        .hasMessageContaining("journal unreadable");
    assertThat(Await.result(store.execute(id, new WorkshopOperation.ReadFacts()))).isPresent();
    assertThat(loads).hasValue(2);
  }

  @Test
  @DisplayName(
      "RV1 concurrent first operations on a workshop being loaded all apply to one copy: loads"
          + " that lose the race are dropped, and revisions are contiguous")
  void concurrentFirstOperationsShareOneCopy() {
    WorkshopId id = new WorkshopId("w-raced-" + UUID.randomUUID());
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch twoLoading = new CountDownLatch(2);
    WorkshopStore store =
        countingLoads(
            loads,
            wanted -> {
              twoLoading.countDown();
              try {
                // Holds the first load until a second one runs, so that both finish their race.
                twoLoading.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.of(saved(id));
            });

    ParticipantId ana = new ParticipantId("p-Ana");
    List<CompletableFuture<Optional<Outcome>>> pending = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pending.add(store.execute(id, create(ana, "r-" + i)).toCompletableFuture());
    }
    List<Long> revisions = appliedRevisions(pending);
    assertThat(loads.get()).isGreaterThanOrEqualTo(2);
    assertThat(revisions).doesNotHaveDuplicates().hasSize(20);
    assertThat(revisions.get(19) - revisions.get(0)).isEqualTo(19);
    CatchUp catchUp =
        Await.result(store.execute(id, new WorkshopOperation.ReadCatchUp(null))).orElseThrow();
    assertThat(((CatchUp.Snapshot) catchUp).notes()).hasSize(20);
  }
}
