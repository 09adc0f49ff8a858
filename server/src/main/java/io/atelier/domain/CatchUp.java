package io.atelier.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What brings a client up to date (HS5): the events it missed, or the whole live state. */
public sealed interface CatchUp extends Serializable {
  long revision();

  /** The events after the client's revision, each with who may read it as it is (PW1). */
  record Missed(long revision, List<Event> events, List<Visibility> visibilities)
      implements CatchUp {
    public Missed(long revision, List<Event> events) {
      this(revision, events, events.stream().map(event -> Visibility.PUBLIC).toList());
    }

    public Missed {
      events = List.copyOf(events);
      visibilities = List.copyOf(visibilities);
      if (events.size() != visibilities.size()) {
        throw new InvalidValueException("one visibility per event");
      }
    }
  }

  record Snapshot(
      long revision,
      List<Note> notes,
      List<ParticipantView> participants,
      FacilitationState facilitation,
      Map<String, Integer> hiddenNotes)
      implements CatchUp {
    /** A snapshot in which nothing is hidden from its reader. */
    public Snapshot(
        long revision,
        List<Note> notes,
        List<ParticipantView> participants,
        FacilitationState facilitation) {
      this(revision, notes, participants, facilitation, Map.of());
    }

    public Snapshot {
      hiddenNotes = Map.copyOf(hiddenNotes);
    }
  }
}
