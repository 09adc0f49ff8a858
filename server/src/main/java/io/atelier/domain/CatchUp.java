package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/** What brings a client up to date (HS5): the events it missed, or the whole live state. */
public sealed interface CatchUp extends Serializable {
  long revision();

  record Missed(long revision, List<Event> events) implements CatchUp {}

  record Snapshot(
      long revision,
      List<Note> notes,
      List<ParticipantView> participants,
      FacilitationState facilitation)
      implements CatchUp {}
}
