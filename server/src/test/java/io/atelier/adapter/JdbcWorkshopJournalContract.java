package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.JournalException;
import io.atelier.application.JournaledWorkshop;
import io.atelier.domain.Change;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.NoteColor;
import io.atelier.domain.ParticipantId;
import io.atelier.testing.Await;
import io.atelier.testing.RecordedWorkshop;
import io.atelier.testing.TestImages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the JDBC journal adds to the contract: corruption is reported, the schema, restarts. */
public abstract class JdbcWorkshopJournalContract extends WorkshopJournalContract {

  /** A connection of the test's own to the journal's database, beside the journal's. */
  protected abstract Connection connect() throws SQLException;

  private void execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private long count(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @ParameterizedTest(name = "payload {0}")
  @ValueSource(
      strings = {
        "{not json",
        "",
        "[]",
        "{}",
        "{\"v\":2,\"type\":\"presence_changed\",\"revision\":99,\"participantId\":\"p\",\"online\":true}",
        "{\"v\":1,\"type\":\"note_exploded\",\"revision\":99}",
        "{\"v\":1,\"type\":\"presence_changed\",\"revision\":\"99\",\"participantId\":\"p\",\"online\":true}",
        "{\"v\":1,\"type\":\"presence_changed\",\"revision\":98,\"participantId\":\"p\",\"online\":true}",
        "{\"v\":1,\"type\":\"note_created\",\"revision\":99,\"changeId\":\"c\",\"participantId\":\"p\",\"note\":{\"id\":\"n\",\"x\":0,\"y\":0,\"width\":5,\"height\":140,\"text\":\"\",\"color\":\"green\",\"z\":1,\"createdBy\":\"p\",\"deleted\":false}}"
      })
  @DisplayName(
      "an event row that cannot be decoded makes load throw a corrupt JournalException naming the"
          + " workshop and the row; other workshops still load")
  void corruptEventRow(String payload) throws SQLException {
    RecordedWorkshop damaged = created("Abîmé");
    RecordedWorkshop healthy = created("Sain");
    damaged.playEveryKindOfEvent();
    healthy.playEveryKindOfEvent();
    Await.result(journal.append(damaged.id(), damaged.take()));
    Await.result(journal.append(healthy.id(), healthy.take()));
    execute(
        "insert into events (workshop_id, revision, payload) values (?, ?, ?)",
        damaged.id().value(),
        99L,
        payload);

    assertThatThrownBy(() -> journal.load(damaged.id()))
        .isInstanceOfSatisfying(JournalException.class, e -> assertThat(e.isCorrupt()).isTrue())
        .hasMessageContaining(damaged.id().value())
        .hasMessageContaining("revision=99");
    assertThat(loaded(healthy).events()).isEqualTo(healthy.events());
  }

  @Test
  @DisplayName(
      "corrupt facts or checkpoint rows make load throw a corrupt JournalException naming the row")
  void corruptFactsAndCheckpointRows() throws SQLException {
    RecordedWorkshop badFacts = created("Faits abîmés");
    RecordedWorkshop badCheckpoint = created("Point abîmé");
    badCheckpoint.enter("Ana");
    Await.result(journal.append(badCheckpoint.id(), badCheckpoint.take()));
    Await.result(journal.checkpoint(badCheckpoint.state().checkpoint()));
    execute("update workshops set facts = ? where id = ?", "{\"v\":1}", badFacts.id().value());
    execute(
        "update checkpoints set payload = ? where workshop_id = ?",
        "{\"v\":1,\"facts\":{}}",
        badCheckpoint.id().value());

    assertThatThrownBy(() -> journal.load(badFacts.id()))
        .isInstanceOfSatisfying(JournalException.class, e -> assertThat(e.isCorrupt()).isTrue())
        .hasMessageContaining("workshops(id=" + badFacts.id() + ")");
    assertThatThrownBy(() -> journal.load(badCheckpoint.id()))
        .isInstanceOfSatisfying(JournalException.class, e -> assertThat(e.isCorrupt()).isTrue())
        .hasMessageContaining("checkpoints(workshop_id=" + badCheckpoint.id());
  }

  @Test
  @DisplayName(
      "a journal of schema version 1 is migrated to 3 and keeps every workshop, which can then"
          + " hold images")
  void migratesFromVersionOne() throws SQLException {
    RecordedWorkshop old = new RecordedWorkshop("D'avant");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      // Back to version 1, as an earlier release left it: no last_active column.
      for (String table :
          List.of("images", "checkpoints", "events", "workshops", "atelier_schema")) {
        statement.execute("drop table " + table);
      }
      statement.execute(
          "create table atelier_schema (version integer primary key, applied_at bigint not null)");
      for (String sql : io.atelier.adapter.jdbc.JournalSchemaAccess.version1()) {
        statement.execute(sql);
      }
      statement.execute("insert into atelier_schema (version, applied_at) values (1, 0)");
      try (var insert =
          connection.prepareStatement(
              "insert into workshops (id, facts, created_at) values (?, ?, 1234)")) {
        insert.setString(1, old.id().value());
        insert.setString(2, io.atelier.adapter.jdbc.JournalSchemaAccess.encode(old.facts()));
        insert.executeUpdate();
      }
    }
    restart();
    assertThat(count("select max(version) from atelier_schema")).isEqualTo(3);
    assertThat(loaded(old).facts()).isEqualTo(old.facts());
    assertThat(journal().idleSince(java.time.Instant.ofEpochMilli(2000))).contains(old.id());
    byte[] png = TestImages.png(1);
    var images = ((JdbcWorkshopJournal) journal()).images(Runnable::run);
    Await.result(images.put(old.id(), "image/png", png));
    assertThat(Await.result(images.all(old.id())))
        .singleElement()
        .satisfies(image -> assertThat(image.bytes()).isEqualTo(png));
  }

  @Test
  @DisplayName("the schema version is recorded (3), and opening the journal again migrates nothing")
  void schemaVersionIsRecorded() throws SQLException {
    assertThat(count("select max(version) from atelier_schema")).isEqualTo(3);
    restart();
    assertThat(count("select count(*) from atelier_schema")).isEqualTo(3);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("workshops", "events", "checkpoints", "images")) {
        statement.executeQuery("select count(*) from " + table).close();
      }
    }
  }

  @Test
  @DisplayName("a checkpoint deletes the stored events at or below its revision")
  void checkpointDropsCoveredEvents() throws SQLException {
    RecordedWorkshop workshop = created("Élagage");
    workshop.playEveryKindOfEvent();
    Await.result(journal.append(workshop.id(), workshop.take()));
    Checkpoint checkpoint = workshop.state().checkpoint();
    workshop.enter("Cleo");
    Await.result(journal.append(workshop.id(), workshop.take()));

    Await.result(journal.checkpoint(checkpoint));

    String id = workshop.id().value();
    assertThat(count("select count(*) from events where workshop_id = ?", id)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from events where workshop_id = ? and revision <= ?",
                id,
                checkpoint.revision()))
        .isZero();
  }

  @Test
  @DisplayName("a restarted journal keeps facts, checkpoint and events, and takes new writes")
  void restartKeepsEverything() {
    RecordedWorkshop workshop = created("Redémarrage");
    workshop.playEveryKindOfEvent();
    Await.result(journal.append(workshop.id(), workshop.take()));
    Await.result(journal.checkpoint(workshop.state().checkpoint()));
    ParticipantId cleo = workshop.enter("Cleo");
    Await.result(journal.append(workshop.id(), workshop.take()));
    JournaledWorkshop before = loaded(workshop);

    restart();

    assertThat(loaded(workshop)).isEqualTo(before);
    workshop.apply(cleo, new Change.CreateNote("c-1", "n-9", 0, 0, 200, 140, "", NoteColor.PINK));
    Await.result(journal.append(workshop.id(), workshop.take()));
    assertThat(loaded(workshop).rebuild().checkpoint()).isEqualTo(workshop.state().checkpoint());
  }

  @Test
  @DisplayName("close commits every queued write and completes its stage; a later write fails")
  void closeDrainsTheQueue() {
    RecordedWorkshop workshop = created("Fermeture");
    ParticipantId ana = workshop.enter("Ana");
    List<CompletionStage<Void>> stages = new ArrayList<>();
    stages.add(journal.append(workshop.id(), workshop.take()));
    for (int i = 1; i <= 300; i++) {
      workshop.apply(
          ana, new Change.CreateNote("a-" + i, "n-" + i, 0, 0, 200, 140, "", NoteColor.YELLOW));
      stages.add(journal.append(workshop.id(), workshop.take()));
    }

    journal.close();

    assertThat(stages).allSatisfy(stage -> assertThat(stage.toCompletableFuture()).isDone());
    stages.forEach(Await::result);
    assertThat(Await.failure(journal.delete(workshop.id())))
        .isInstanceOf(IllegalStateException.class);
    restart();
    assertThat(loaded(workshop).events()).isEqualTo(workshop.events());
  }

  @Test
  @DisplayName("a continuation of a write may close the journal without waiting for itself")
  void closeFromAContinuation() {
    RecordedWorkshop workshop = new RecordedWorkshop("Fermée de l'intérieur");
    CompletableFuture<Void> closed =
        journal.create(workshop.facts()).thenRun(journal::close).toCompletableFuture();

    Await.result(closed);

    restart();
    assertThat(journal.load(workshop.id())).isPresent();
  }

  @Test
  @DisplayName("an append of no events completes and changes nothing")
  void emptyAppend() {
    RecordedWorkshop workshop = created("Rien");
    Await.result(journal.append(workshop.id(), List.of()));
    assertThat(loaded(workshop).events()).isEmpty();
  }
}
