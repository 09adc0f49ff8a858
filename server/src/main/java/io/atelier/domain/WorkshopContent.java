package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a workshop holds, without its identity, history or presence: what an export carries and an
 * import restores (EX2). Participants keep their ids, names and colours so that authorship and
 * groups survive; their token hashes are whatever the importing side gives them.
 */
public record WorkshopContent(
    List<Participant> participants, List<Note> notes, FacilitationState facilitation)
    implements Serializable {
  public WorkshopContent {
    participants = List.copyOf(participants);
    notes = List.copyOf(notes);
    if (facilitation == null) {
      throw new InvalidValueException("facilitation is required");
    }
  }
}
