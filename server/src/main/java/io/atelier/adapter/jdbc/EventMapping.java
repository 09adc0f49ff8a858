package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.domain.Access;
import io.atelier.domain.Event;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.NotePosition;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import java.util.ArrayList;
import java.util.List;

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
  static final String CANVAS_CREATED = "canvas_created";
  static final String CANVAS_RENAMED = "canvas_renamed";
  static final String CANVAS_DELETED = "canvas_deleted";
  static final String GROUP_ASSIGNED = "group_assigned";
  static final String ROLE_SET = "role_set";
  static final String ATTENDANCE_CHANGED = "attendance_changed";
  static final String ACCESS_CHANGED = "access_changed";
  static final String CANVAS_PRIVACY_CHANGED = "canvas_privacy_changed";
  static final String WORKSHOP_LOCKED = "workshop_locked";
  static final String PASSCODE_CHANGED = "passcode_changed";
  static final String PARTICIPANT_REMOVED = "participant_removed";
  static final String AGENDA_SET = "agenda_set";
  static final String PROGRESS_CHANGED = "progress_changed";
  static final String TIMER_CHANGED = "timer_changed";
  static final String ROUND_TABLE_CHANGED = "round_table_changed";
  static final String CONTENT_IMPORTED = "content_imported";
  static final String CANVAS_LOCKED = "canvas_locked";
  static final String CLUSTER_CHANGED = "cluster_changed";
  static final String CLUSTER_DISSOLVED = "cluster_dissolved";
  static final String CLUSTER_MOVED = "cluster_moved";

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
    } else if (event instanceof Event.PresenceChanged e) {
      node.put("type", PRESENCE_CHANGED).put("revision", e.revision());
      node.put("participantId", id(e.participantId())).put("online", e.online());
    } else {
      writeFacilitation(event, node);
    }
    return node;
  }

  private static void writeFacilitation(Event event, ObjectNode node) {
    node.put("revision", event.revision());
    if (event instanceof Event.ContentImported e) {
      node.put("type", CONTENT_IMPORTED);
      node.set("content", FacilitationMapping.content(e.content()));
      return;
    }
    node.put("changeId", event.changeId());
    if (event instanceof Event.CanvasCreated e) {
      node.put("type", CANVAS_CREATED).put("participantId", id(e.participantId()));
      node.set("canvas", FacilitationMapping.canvas(e.canvas()));
    } else if (event instanceof Event.CanvasRenamed e) {
      node.put("type", CANVAS_RENAMED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId()).put("name", e.name());
    } else if (event instanceof Event.CanvasDeleted e) {
      node.put("type", CANVAS_DELETED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId());
    } else if (event instanceof Event.CanvasLocked e) {
      node.put("type", CANVAS_LOCKED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId()).put("locked", e.locked());
    } else if (event instanceof Event.ClusterChanged e) {
      node.put("type", CLUSTER_CHANGED).put("participantId", id(e.participantId()));
      node.set("cluster", FacilitationMapping.cluster(e.cluster()));
    } else if (event instanceof Event.ClusterDissolved e) {
      node.put("type", CLUSTER_DISSOLVED).put("participantId", id(e.participantId()));
      node.put("clusterId", e.clusterId());
    } else if (event instanceof Event.ClusterMoved e) {
      node.put("type", CLUSTER_MOVED).put("participantId", id(e.participantId()));
      node.put("clusterId", e.clusterId()).put("dx", e.dx()).put("dy", e.dy());
      var positions = node.putArray("positions");
      for (NotePosition position : e.positions()) {
        positions
            .addObject()
            .put("noteId", position.noteId())
            .put("x", position.x())
            .put("y", position.y());
      }
    } else if (event instanceof Event.GroupAssigned e) {
      node.put("type", GROUP_ASSIGNED).put("participantId", id(e.participantId()));
      node.put("member", id(e.member())).put("canvasId", e.canvasId());
    } else if (event instanceof Event.RoleSet e) {
      node.put("type", ROLE_SET).put("participantId", id(e.participantId()));
      node.put("pillar", e.pillar().code()).put("role", e.role());
    } else if (event instanceof Event.AttendanceChanged e) {
      node.put("type", ATTENDANCE_CHANGED).put("participantId", id(e.participantId()));
      node.put("member", id(e.member())).put("remote", e.remote());
    } else if (event instanceof Event.AccessChanged e) {
      node.put("type", ACCESS_CHANGED).put("participantId", id(e.participantId()));
      node.put("member", id(e.member())).put("access", e.access().code());
    } else if (event instanceof Event.CanvasPrivacyChanged e) {
      // The revealed notes are in the state already; replay needs only the canvas's new mode.
      node.put("type", CANVAS_PRIVACY_CHANGED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId())
          .put("private", e.privateMode())
          .put("anonymous", e.anonymous());
    } else if (event instanceof Event.WorkshopLocked e) {
      node.put("type", WORKSHOP_LOCKED).put("participantId", id(e.participantId()));
      node.put("locked", e.locked());
    } else if (event instanceof Event.PasscodeChanged e) {
      // The hash, never the passcode: a journal is a backup, and backups travel.
      node.put("type", PASSCODE_CHANGED).put("participantId", id(e.participantId()));
      node.put("passcodeHash", e.passcodeHash());
    } else if (event instanceof Event.ParticipantRemoved e) {
      node.put("type", PARTICIPANT_REMOVED).put("participantId", id(e.participantId()));
      node.put("member", id(e.member()));
    } else if (event instanceof Event.AgendaSet e) {
      node.put("type", AGENDA_SET).put("participantId", id(e.participantId()));
      node.set("steps", FacilitationMapping.steps(e.steps()));
    } else if (event instanceof Event.ProgressChanged e) {
      node.put("type", PROGRESS_CHANGED).put("participantId", id(e.participantId()));
      node.set("progress", FacilitationMapping.progress(e.progress()));
    } else if (VoteMapping.isVoteEvent(event)) {
      VoteMapping.writeEvent(event, node); // DV
    } else if (event instanceof Event.RoundTableChanged e) {
      node.put("type", ROUND_TABLE_CHANGED).put("participantId", id(e.participantId()));
      node.set("roundTable", RoundTableMapping.write(e.roundTable()));
    } else {
      Event.TimerChanged e = (Event.TimerChanged) event;
      node.put("type", TIMER_CHANGED).put("participantId", id(e.participantId()));
      node.set("timer", FacilitationMapping.timer(e.timer()));
    }
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
      default -> readFacilitation(type, revision, node);
    };
  }

  private static Event readFacilitation(String type, long revision, JsonNode node)
      throws UndecodableException {
    if (CONTENT_IMPORTED.equals(type)) {
      return new Event.ContentImported(
          revision, FacilitationMapping.content(Fields.object(node, "content")));
    }
    String changeId = Fields.optionalText(node, "changeId");
    ParticipantId author = participantId(node);
    if (VoteMapping.EVENT_TYPES.contains(type)) {
      return VoteMapping.readEvent(type, revision, changeId, author, node); // DV
    }
    return switch (type) {
      case CANVAS_CREATED ->
          new Event.CanvasCreated(
              revision,
              changeId,
              author,
              FacilitationMapping.canvas(Fields.object(node, "canvas")));
      case CANVAS_RENAMED ->
          new Event.CanvasRenamed(
              revision, changeId, author, Fields.text(node, "canvasId"), Fields.text(node, "name"));
      case CANVAS_DELETED ->
          new Event.CanvasDeleted(revision, changeId, author, Fields.text(node, "canvasId"));
      case GROUP_ASSIGNED ->
          new Event.GroupAssigned(
              revision,
              changeId,
              author,
              new ParticipantId(Fields.text(node, "member")),
              Fields.optionalText(node, "canvasId"));
      case ROLE_SET ->
          new Event.RoleSet(
              revision,
              changeId,
              author,
              Pillar.fromCode(Fields.text(node, "pillar")),
              Fields.optionalText(node, "role"));
      case ATTENDANCE_CHANGED ->
          new Event.AttendanceChanged(
              revision,
              changeId,
              author,
              new ParticipantId(Fields.text(node, "member")),
              Fields.bool(node, "remote"));
      case ACCESS_CHANGED ->
          new Event.AccessChanged(
              revision,
              changeId,
              author,
              new ParticipantId(Fields.text(node, "member")),
              access(Fields.text(node, "access")));
      case CANVAS_PRIVACY_CHANGED ->
          new Event.CanvasPrivacyChanged(
              revision,
              changeId,
              author,
              Fields.text(node, "canvasId"),
              Fields.bool(node, "private"),
              Fields.bool(node, "anonymous"),
              List.of());
      case WORKSHOP_LOCKED ->
          new Event.WorkshopLocked(revision, changeId, author, Fields.bool(node, "locked"));
      case PASSCODE_CHANGED ->
          new Event.PasscodeChanged(
              revision, changeId, author, Fields.optionalText(node, "passcodeHash"));
      case PARTICIPANT_REMOVED ->
          new Event.ParticipantRemoved(
              revision, changeId, author, new ParticipantId(Fields.text(node, "member")));
      case AGENDA_SET ->
          new Event.AgendaSet(
              revision, changeId, author, FacilitationMapping.steps(Fields.array(node, "steps")));
      case PROGRESS_CHANGED ->
          new Event.ProgressChanged(
              revision,
              changeId,
              author,
              FacilitationMapping.progress(Fields.object(node, "progress")));
      case TIMER_CHANGED ->
          new Event.TimerChanged(
              revision, changeId, author, FacilitationMapping.timer(Fields.object(node, "timer")));
      case ROUND_TABLE_CHANGED ->
          new Event.RoundTableChanged(
              revision,
              changeId,
              author,
              RoundTableMapping.read(Fields.object(node, "roundTable")));
      case CANVAS_LOCKED ->
          new Event.CanvasLocked(
              revision,
              changeId,
              author,
              Fields.text(node, "canvasId"),
              Fields.bool(node, "locked"));
      case CLUSTER_CHANGED ->
          new Event.ClusterChanged(
              revision,
              changeId,
              author,
              FacilitationMapping.cluster(Fields.object(node, "cluster")));
      case CLUSTER_DISSOLVED ->
          new Event.ClusterDissolved(revision, changeId, author, Fields.text(node, "clusterId"));
      case CLUSTER_MOVED ->
          new Event.ClusterMoved(
              revision,
              changeId,
              author,
              Fields.text(node, "clusterId"),
              Fields.number(node, "dx"),
              Fields.number(node, "dy"),
              positions(Fields.array(node, "positions")));
      default -> throw new UndecodableException("unknown event type \"" + type + "\"");
    };
  }

  private static List<NotePosition> positions(JsonNode array) throws UndecodableException {
    List<NotePosition> positions = new ArrayList<>();
    for (JsonNode position : array) {
      positions.add(
          new NotePosition(
              Fields.text(position, "noteId"),
              Fields.number(position, "x"),
              Fields.number(position, "y")));
    }
    return positions;
  }

  private static String id(ParticipantId id) {
    return id == null ? null : id.value();
  }

  private static ParticipantId participantId(JsonNode node) throws UndecodableException {
    String value = Fields.optionalText(node, "participantId");
    return value == null ? null : new ParticipantId(value);
  }

  static Access access(String code) throws UndecodableException {
    try {
      return Access.fromCode(code);
    } catch (InvalidValueException e) {
      throw new UndecodableException(e.getMessage());
    }
  }
}
