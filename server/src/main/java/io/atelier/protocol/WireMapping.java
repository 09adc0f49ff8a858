package io.atelier.protocol;

import io.atelier.domain.CatchUp;
import io.atelier.domain.Event;
import io.atelier.domain.Outcome;

/** From domain facts to server messages: the one place that knows both shapes. */
public final class WireMapping {
  private WireMapping() {}

  public static ServerMessage.RevisionedMessage toMessage(Event event) {
    if (event instanceof Event.NoteCreated e) {
      return new ServerMessage.NoteCreated(
          e.revision(), e.changeId(), e.participantId().value(), WireNote.of(e.note()));
    }
    if (event instanceof Event.NoteUpdated e) {
      return new ServerMessage.NoteUpdated(
          e.revision(),
          e.changeId(),
          e.participantId().value(),
          e.noteId(),
          NoteProperties.of(e.set()));
    }
    if (event instanceof Event.NoteDeleted e) {
      return new ServerMessage.NoteDeleted(
          e.revision(), e.changeId(), e.participantId().value(), e.noteId());
    }
    if (event instanceof Event.ParticipantJoined e) {
      return new ServerMessage.ParticipantJoined(
          e.revision(), WireParticipant.of(e.participant().view(true)));
    }
    Event.PresenceChanged e = (Event.PresenceChanged) event;
    return new ServerMessage.PresenceChanged(e.revision(), e.participantId().value(), e.online());
  }

  public static ServerMessage.Snapshot toMessage(CatchUp.Snapshot snapshot) {
    return new ServerMessage.Snapshot(
        snapshot.revision(),
        snapshot.notes().stream().map(WireNote::of).toList(),
        snapshot.participants().stream().map(WireParticipant::of).toList());
  }

  /** The answer to the author of a change (CH1 to CH3). */
  public static ServerMessage toReply(Outcome outcome) {
    if (outcome instanceof Outcome.Applied applied) {
      return new ServerMessage.Ack(applied.changeId(), applied.event().revision(), false);
    }
    if (outcome instanceof Outcome.Duplicate duplicate) {
      return new ServerMessage.Ack(duplicate.changeId(), duplicate.revision(), true);
    }
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    return new ServerMessage.Error(rejected.code().code(), rejected.message(), rejected.changeId());
  }
}
