package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * Everything of a workshop that must outlive a restart, as plain data: notes (tombstones included,
 * NT3), participants with their token hashes (HS4), the highest z (NT4) and the change ids still
 * remembered (CH2), and what the facilitator arranged ({@link FacilitationState}). Presence and the
 * catch-up history are not in it: after a restart nobody is connected, and clients catch up from a
 * snapshot.
 */
public record Checkpoint(
    WorkshopFacts facts,
    long revision,
    long highestZ,
    List<Note> notes,
    List<Participant> participants,
    List<AppliedChange> appliedChanges,
    FacilitationState facilitation)
    implements Serializable {

  /** A checkpoint written before canvases existed: the workshop gets its first canvas back. */
  public Checkpoint(
      WorkshopFacts facts,
      long revision,
      long highestZ,
      List<Note> notes,
      List<Participant> participants,
      List<AppliedChange> appliedChanges) {
    this(facts, revision, highestZ, notes, participants, appliedChanges, null);
  }

  public Checkpoint {
    if (facts == null || revision < 0) {
      throw new InvalidValueException("a checkpoint needs facts and a revision");
    }
    notes = List.copyOf(notes);
    participants = List.copyOf(participants);
    appliedChanges = List.copyOf(appliedChanges);
  }

  /** A change id and the revision it was applied at, oldest first. */
  public record AppliedChange(String changeId, long revision) implements Serializable {}
}
