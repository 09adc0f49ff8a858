package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;

/**
 * Events to and from JSON, with the stored type names. A type name is part of the format: it is
 * never renamed, and a new event type gets a new name.
 */
final class EventMapping {
  static final String NOTE_CREATED = "note_created";
  static final String NOTE_UPDATED = "note_updated";
  static final String NOTE_DELETED = "note_deleted";
  static final String PARTICIPANT_JOINED = "participant_joined";
  static final String PRESENCE_CHANGED = "presence_changed";

  private EventMapping() {}

  // Java 17 has no pattern switch; the chain is exhaustive over the sealed Event.
  static ObjectNode write(Event event) {
    ObjectNode node = JournalCodec.object();
    if (event instanceof Event.NoteCreated e) {
      node.put("type", NOTE_CREATED).put("revision", e.revision());
      node.put("changeId", e.changeId()).put("participantId", id(e.participantId()));
      node.set("note", JournalCodec.note(e.note()));
    } else if (event instanceof Event.NoteUpdated e) {
      node.put("type", NOTE_UPDATED).put("revision", e.revision());
      node.put("changeId", e.changeId()).put("participantId", id(e.participantId()));
      node.put("noteId", e.noteId());
      node.set("set", JournalCodec.patch(e.set()));
    } else if (event instanceof Event.NoteDeleted e) {
      node.put("type", NOTE_DELETED).put("revision", e.revision());
      node.put("changeId", e.changeId()).put("participantId", id(e.participantId()));
      node.put("noteId", e.noteId());
    } else if (event instanceof Event.ParticipantJoined e) {
      node.put("type", PARTICIPANT_JOINED).put("revision", e.revision());
      node.set("participant", JournalCodec.participant(e.participant()));
    } else {
      Event.PresenceChanged e = (Event.PresenceChanged) event;
      node.put("type", PRESENCE_CHANGED).put("revision", e.revision());
      node.put("participantId", id(e.participantId())).put("online", e.online());
    }
    return node;
  }

  static Event read(JsonNode node) throws UndecodableException {
    String type = Fields.text(node, "type");
    long revision = Fields.integer(node, "revision");
    return switch (type) {
      case NOTE_CREATED ->
          new Event.NoteCreated(
              revision,
              Fields.optionalText(node, "changeId"),
              participantId(node),
              JournalCodec.note(Fields.object(node, "note")));
      case NOTE_UPDATED ->
          new Event.NoteUpdated(
              revision,
              Fields.optionalText(node, "changeId"),
              participantId(node),
              Fields.text(node, "noteId"),
              JournalCodec.patch(Fields.object(node, "set")));
      case NOTE_DELETED ->
          new Event.NoteDeleted(
              revision,
              Fields.optionalText(node, "changeId"),
              participantId(node),
              Fields.text(node, "noteId"));
      case PARTICIPANT_JOINED ->
          new Event.ParticipantJoined(
              revision, JournalCodec.participant(Fields.object(node, "participant")));
      case PRESENCE_CHANGED ->
          new Event.PresenceChanged(revision, participantId(node), Fields.bool(node, "online"));
      default -> throw new UndecodableException("unknown event type \"" + type + "\"");
    };
  }

  private static String id(ParticipantId id) {
    return id == null ? null : id.value();
  }

  private static ParticipantId participantId(JsonNode node) throws UndecodableException {
    String value = Fields.optionalText(node, "participantId");
    return value == null ? null : new ParticipantId(value);
  }
}
