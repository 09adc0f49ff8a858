package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.domain.Canvas;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's stored format: facts, events and checkpoints as JSON documents, each with a format
 * version {@code "v": 1}, and events with an explicit {@code type} name. The mapping is written by
 * hand (not derived from the records) so that renaming a record component never silently changes
 * what is on disk, and so that the domain needs no Jackson annotation. Decoding is strict: a
 * missing field, a wrong type, an unknown event type or format version, or a value the domain
 * refuses is an {@link UndecodableException}. Thread safe.
 */
public final class JournalCodec {
  /** The format version written in every document. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public String encodeFacts(WorkshopFacts facts) {
    return write(versioned().setAll(facts(facts)));
  }

  public WorkshopFacts decodeFacts(String json) throws UndecodableException {
    return decode(json, node -> facts(node));
  }

  public String encodeEvent(Event event) {
    return write(versioned().setAll(EventMapping.write(event)));
  }

  public Event decodeEvent(String json) throws UndecodableException {
    return decode(json, EventMapping::read);
  }

  public String encodeCheckpoint(Checkpoint checkpoint) {
    ObjectNode node = versioned();
    node.set("facts", facts(checkpoint.facts()));
    node.put("revision", checkpoint.revision());
    node.put("highestZ", checkpoint.highestZ());
    ArrayNode notes = node.putArray("notes");
    checkpoint.notes().forEach(note -> notes.add(note(note)));
    ArrayNode participants = node.putArray("participants");
    checkpoint.participants().forEach(p -> participants.add(participant(p)));
    ArrayNode applied = node.putArray("appliedChanges");
    for (Checkpoint.AppliedChange change : checkpoint.appliedChanges()) {
      applied.addObject().put("changeId", change.changeId()).put("revision", change.revision());
    }
    if (checkpoint.facilitation() != null) {
      node.set("facilitation", FacilitationMapping.state(checkpoint.facilitation()));
    }
    return write(node);
  }

  public Checkpoint decodeCheckpoint(String json) throws UndecodableException {
    return decode(
        json,
        node -> {
          List<Note> notes = new ArrayList<>();
          for (JsonNode note : Fields.array(node, "notes")) {
            notes.add(note(note));
          }
          List<Participant> participants = new ArrayList<>();
          for (JsonNode participant : Fields.array(node, "participants")) {
            participants.add(participant(participant));
          }
          List<Checkpoint.AppliedChange> applied = new ArrayList<>();
          for (JsonNode change : Fields.array(node, "appliedChanges")) {
            applied.add(
                new Checkpoint.AppliedChange(
                    Fields.text(change, "changeId"), Fields.integer(change, "revision")));
          }
          JsonNode facilitation = node.get("facilitation");
          return new Checkpoint(
              facts(Fields.object(node, "facts")),
              Fields.integer(node, "revision"),
              Fields.integer(node, "highestZ"),
              notes,
              participants,
              applied,
              // Checkpoints from before canvases existed have none (see WorkshopState.restore).
              facilitation == null ? null : FacilitationMapping.state(facilitation));
        });
  }

  static ObjectNode facts(WorkshopFacts facts) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", facts.id().value());
    node.put("title", facts.title());
    node.put("language", facts.language().code());
    node.put("facilitatorKeyHash", facts.facilitatorKeyHash());
    node.put("createdAt", facts.createdAt());
    return node;
  }

  static WorkshopFacts facts(JsonNode node) throws UndecodableException {
    return new WorkshopFacts(
        new WorkshopId(Fields.text(node, "id")),
        Fields.text(node, "title"),
        Language.fromCode(Fields.text(node, "language")),
        Fields.text(node, "facilitatorKeyHash"),
        Fields.integer(node, "createdAt"));
  }

  static ObjectNode note(Note note) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", note.id());
    node.put("canvasId", note.canvasId());
    node.put("x", note.x());
    node.put("y", note.y());
    node.put("width", note.width());
    node.put("height", note.height());
    node.put("text", note.text());
    node.put("color", note.color().code());
    node.put("z", note.z());
    node.put("createdBy", note.createdBy() == null ? null : note.createdBy().value());
    node.put("createdAt", note.createdAt());
    node.put("deleted", note.deleted());
    if (note.locked()) {
      node.put("locked", true); // LK2; written only when true, so older documents read the same
    }
    return node;
  }

  static Note note(JsonNode node) throws UndecodableException {
    String createdBy = Fields.optionalText(node, "createdBy");
    // Notes written before canvases existed name none: they sit on the first canvas (NT7).
    String canvasId = Fields.optionalText(node, "canvasId");
    Long createdAt = Fields.optionalInteger(node, "createdAt");
    return new Note(
        Fields.text(node, "id"),
        canvasId == null ? Canvas.FIRST_ID : canvasId,
        Fields.number(node, "x"),
        Fields.number(node, "y"),
        Fields.number(node, "width"),
        Fields.number(node, "height"),
        Fields.text(node, "text"),
        NoteColor.fromCode(Fields.text(node, "color")),
        Fields.integer(node, "z"),
        createdBy == null ? null : new ParticipantId(createdBy),
        createdAt == null ? 0 : createdAt,
        Fields.bool(node, "deleted"),
        node.has("locked") && Fields.bool(node, "locked"));
  }

  /** Only the properties the patch sets are written; an absent one is left as it is. */
  static ObjectNode patch(NotePatch patch) {
    ObjectNode node = MAPPER.createObjectNode();
    if (patch.x() != null) node.put("x", patch.x());
    if (patch.y() != null) node.put("y", patch.y());
    if (patch.width() != null) node.put("width", patch.width());
    if (patch.height() != null) node.put("height", patch.height());
    if (patch.text() != null) node.put("text", patch.text());
    if (patch.color() != null) node.put("color", patch.color().code());
    if (patch.z() != null) node.put("z", patch.z());
    if (patch.locked() != null) node.put("locked", patch.locked());
    return node;
  }

  static NotePatch patch(JsonNode node) throws UndecodableException {
    String color = Fields.optionalText(node, "color");
    return new NotePatch(
        Fields.optionalNumber(node, "x"),
        Fields.optionalNumber(node, "y"),
        Fields.optionalNumber(node, "width"),
        Fields.optionalNumber(node, "height"),
        Fields.optionalText(node, "text"),
        color == null ? null : NoteColor.fromCode(color),
        Fields.optionalInteger(node, "z"),
        node.has("locked") ? Fields.bool(node, "locked") : null);
  }

  static ObjectNode participant(Participant participant) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", participant.id().value());
    node.put("name", participant.name());
    node.put("color", participant.color());
    node.put("tokenHash", participant.tokenHash());
    return node;
  }

  static Participant participant(JsonNode node) throws UndecodableException {
    return new Participant(
        new ParticipantId(Fields.text(node, "id")),
        Fields.text(node, "name"),
        Fields.text(node, "color"),
        Fields.text(node, "tokenHash"));
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  private static ObjectNode versioned() {
    return MAPPER.createObjectNode().put("v", FORMAT_VERSION);
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  private static <T> T decode(String json, Reader<T> reader) throws UndecodableException {
    if (json == null || json.isBlank()) {
      throw new UndecodableException("empty document");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UndecodableException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new UndecodableException("not a JSON object");
    }
    long version = Fields.integer(node, "v");
    if (version != FORMAT_VERSION) {
      throw new UndecodableException("unknown format version " + version);
    }
    try {
      return reader.read(node);
    } catch (RuntimeException e) {
      // The domain's own checks (InvalidValueException) refuse what was stored.
      throw new UndecodableException(e.getMessage(), e);
    }
  }

  /** Reads one document; may throw the domain's checks, which decoding reports as undecodable. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonNode node) throws UndecodableException;
  }

  /** A stored document that is not in the journal's format, or that the domain refuses. */
  public static final class UndecodableException extends Exception {
    public UndecodableException(String message) {
      super(message);
    }

    public UndecodableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
