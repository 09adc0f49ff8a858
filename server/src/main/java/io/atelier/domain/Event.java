package io.atelier.domain;

import java.io.Serializable;

/**
 * A fact the server has committed to a workshop, with the revision that orders it (RV1). The same
 * event object goes to every socket of the workshop (RV2) and into the catch-up history.
 */
public sealed interface Event extends Serializable {
  long revision();

  /** Events caused by a participant's change carry its id; presence events carry none. */
  default String changeId() {
    return null;
  }

  record NoteCreated(long revision, String changeId, ParticipantId participantId, Note note)
      implements Event {}

  record NoteUpdated(
      long revision, String changeId, ParticipantId participantId, String noteId, NotePatch set)
      implements Event {}

  record NoteDeleted(long revision, String changeId, ParticipantId participantId, String noteId)
      implements Event {}

  /**
   * A first entry. It carries the whole participant, token hash included, because the journal
   * rebuilds identities from events after a restart; what goes to browsers is only its view.
   */
  record ParticipantJoined(long revision, Participant participant) implements Event {}

  record PresenceChanged(long revision, ParticipantId participantId, boolean online)
      implements Event {}
}
