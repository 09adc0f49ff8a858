package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/** The answer to a person entering a workshop (HS4). */
public sealed interface Admission extends Serializable {
  /**
   * Who entered, the events their entry caused (joined, or back online), and the workshop's
   * revision right after.
   */
  record Admitted(ParticipantView participant, List<Event> events, long revision)
      implements Admission {}

  /** The token is not one of this workshop's. */
  record UnknownToken() implements Admission {}
}
