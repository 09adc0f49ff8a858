package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.WorkshopJournal;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.LocalPostgresPerClass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes' journals on one PostgreSQL, as a cluster runs them: each node's writer commits its
 * batches while the other commits its own, and both touch the same workshops when a room's people
 * are spread over both nodes (the load tool's two-node scenario found this).
 */
class PostgresTwoWritersTest {
  private static final int WORKSHOPS = 40;
  private static final int ROUNDS = 25;
  @RegisterExtension static final LocalPostgresPerClass POSTGRES = new LocalPostgresPerClass();

  @Test
  @DisplayName(
      "two writers appending to the same workshops in opposite orders never deadlock:"
          + " every append is committed")
  void oppositeOrders() throws Exception {
    try (WorkshopJournal nodeA = open();
        WorkshopJournal nodeB = open()) {
      List<WorkshopId> workshops = new ArrayList<>();
      for (int w = 0; w < WORKSHOPS; w++) {
        WorkshopId id = new WorkshopId("two-writers-" + w);
        workshops.add(id);
        nodeA
            .create(new WorkshopFacts(id, "Atelier " + w, Language.FR, Secrets.hash("k"), 0))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
      }
      List<CompletableFuture<Void>> appends = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        // Queued without waiting, so that each writer's batches hold many workshops, one writer
        // going up the list while the other comes down it.
        for (int w = 0; w < WORKSHOPS; w++) {
          appends.add(append(nodeA, workshops.get(w), 2L * round + 1));
          appends.add(append(nodeB, workshops.get(WORKSHOPS - 1 - w), 2L * round + 2));
        }
      }

      List<Throwable> failures = new ArrayList<>();
      for (CompletableFuture<Void> append : appends) {
        try {
          append.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }

      assertThat(failures).isEmpty();
    }
  }

  private static WorkshopJournal open() {
    return JdbcWorkshopJournal.postgres(
        POSTGRES.server().jdbcUrl(), POSTGRES.server().user(), POSTGRES.server().password());
  }

  private static CompletableFuture<Void> append(
      WorkshopJournal journal, WorkshopId id, long revision) {
    Event event = new Event.PresenceChanged(revision, new ParticipantId("p-1"), revision % 2 == 0);
    return journal.append(id, List.of(event)).toCompletableFuture();
  }
}
