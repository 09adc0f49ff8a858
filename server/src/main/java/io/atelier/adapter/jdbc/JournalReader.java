package io.atelier.adapter.jdbc;

import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.application.JournalException;
import io.atelier.application.JournaledWorkshop;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one workshop back on a short-lived connection of its own, in one read-only transaction (one
 * snapshot). Every row is decoded and checked against its keys; a row that fails is reported as
 * corrupt, naming the workshop and the row, never skipped into a smaller workshop.
 */
final class JournalReader {
  private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

  private final Database database;
  private final JournalCodec codec;

  JournalReader(Database database, JournalCodec codec) {
    this.database = database;
    this.codec = codec;
  }

  Optional<JournaledWorkshop> load(WorkshopId id) {
    try (Connection connection = database.openReader()) {
      try {
        return read(connection, id);
      } finally {
        connection.rollback(); // Ends the read transaction; nothing was written.
      }
    } catch (SQLException e) {
      throw new JournalException(
          "Could not read workshop " + id + " from the journal at " + database.describe(), e);
    }
  }

  /** Workshops whose last change is older than the cutoff. */
  List<WorkshopId> idleSince(Instant cutoff) {
    try (Connection connection = database.openReader();
        PreparedStatement select =
            connection.prepareStatement("select id from workshops where last_active < ?")) {
      try {
        select.setLong(1, cutoff.toEpochMilli());
        List<WorkshopId> idle = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            idle.add(new WorkshopId(rows.getString(1)));
          }
        }
        return idle;
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new JournalException(
          "Could not list idle workshops in the journal at " + database.describe(), e);
    }
  }

  private Optional<JournaledWorkshop> read(Connection connection, WorkshopId id)
      throws SQLException {
    String key = id.value();
    WorkshopFacts facts;
    try (PreparedStatement select =
        connection.prepareStatement("select facts from workshops where id = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String row = "workshops(id=" + key + ")";
        facts = decode(id, row, () -> codec.decodeFacts(rows.getString(1)));
        if (!facts.id().equals(id)) {
          throw corrupt(id, row, "it holds the facts of " + facts.id(), null);
        }
      }
    }
    Optional<Checkpoint> checkpoint = Optional.empty();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select revision, payload from checkpoints where workshop_id = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          long revision = rows.getLong(1);
          String row = "checkpoints(workshop_id=" + key + ", revision=" + revision + ")";
          Checkpoint read = decode(id, row, () -> codec.decodeCheckpoint(rows.getString(2)));
          if (read.revision() != revision || !read.facts().id().equals(id)) {
            throw corrupt(id, row, "it holds revision " + read.revision() + " of " + id, null);
          }
          checkpoint = Optional.of(read);
        }
      }
    }
    long after = checkpoint.map(Checkpoint::revision).orElse(0L);
    List<Event> events = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select revision, payload from events where workshop_id = ? and revision > ?"
                + " order by revision")) {
      select.setString(1, key);
      select.setLong(2, after);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long revision = rows.getLong(1);
          String row = "events(workshop_id=" + key + ", revision=" + revision + ")";
          Event event = decode(id, row, () -> codec.decodeEvent(rows.getString(2)));
          if (event.revision() != revision) {
            throw corrupt(id, row, "it holds revision " + event.revision(), null);
          }
          events.add(event);
        }
      }
    }
    return Optional.of(new JournaledWorkshop(facts, checkpoint, events));
  }

  private static <T> T decode(WorkshopId id, String row, Decoding<T> decoding) throws SQLException {
    try {
      return decoding.decode();
    } catch (UndecodableException e) {
      throw corrupt(id, row, e.getMessage(), e);
    }
  }

  private static JournalException corrupt(
      WorkshopId id, String row, String reason, Throwable cause) {
    String message = "Corrupt journal row " + row + " of workshop " + id + ": " + reason;
    LOG.error(message, cause);
    return JournalException.corrupt(message, cause);
  }

  @FunctionalInterface
  private interface Decoding<T> {
    T decode() throws UndecodableException, SQLException;
  }
}
