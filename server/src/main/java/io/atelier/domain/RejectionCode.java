package io.atelier.domain;

import java.util.Locale;

/**
 * Why a well-formed change was refused by the model (CH3); the wire code is the lower-case name.
 */
public enum RejectionCode {
  NOTE_EXISTS,
  UNKNOWN_NOTE,
  NOTE_DELETED,
  NOT_FACILITATOR,
  UNKNOWN_CANVAS,
  CANVAS_EXISTS,
  LAST_CANVAS,
  TOO_MANY_CANVASES,
  UNKNOWN_PARTICIPANT,
  UNKNOWN_STEP,
  NOT_THE_SPEAKER,
  NO_ROUND,
  EMPTY_ORDER,
  ROUND_RUNNING,
  NO_PREVIOUS_TURN,
  ALREADY_IN_ORDER,
  NO_RAISED_HAND,
  ORDER_FULL,
  TOO_MANY_TURNS,
  /** HS8: an observer's socket proposed a change; the session refuses it before the model. */
  READ_ONLY,
  /** RO1: a workshop keeps at least one facilitator. */
  LAST_FACILITATOR,
  /** RO5: the facilitator cannot remove themself; they hand over first. */
  CANNOT_REMOVE_SELF,
  /** LK1, LK2: a participant's change of a note on a locked canvas, or of a locked note. */
  LOCKED,
  /** CL1. */
  CLUSTER_EXISTS,
  /** CL2 to CL6. */
  UNKNOWN_CLUSTER,
  /**
   * The canvas is in private writing (PW1), whose notes each reader sees differently: no clusters
   * on it (CL6), no vote on it (DV1), since people could not see what they group or vote on.
   */
  PRIVATE_CANVAS,
  // Dot voting (DV1 to DV3).
  /** No open vote has this id (it was closed, cleared, or never opened). */
  NO_VOTE,
  /** The voter has placed all their dots. */
  NO_DOTS_LEFT,
  /** The note holds as many of the voter's dots as one note may. */
  NOTE_LIMIT,
  /** The note is not on the vote's ballot (or no longer alive). */
  NOT_IN_VOTE,
  /** The voter has no dot on that note to take back. */
  NO_DOT,
  /** The canvas already has an open vote: close it first. */
  VOTE_OPEN,
  /** A vote of the workshop already has this id. */
  VOTE_EXISTS,
  /** The canvas's template has no zone for that pillar. */
  NO_PILLAR_ZONE,
  /** LM6: the canvas holds as many live notes as the server allows. */
  TOO_MANY_NOTES;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
