package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/** The answer to a person entering a workshop (HS4). */
public sealed interface Admission extends Serializable {
  /**
   * Who entered, the events their entry caused (joined, or back online), and the workshop's
   * revision right after.
   */
  record Admitted(ParticipantView participant, List<Event> events, long revision, boolean steers)
      implements Admission {
    public Admitted(ParticipantView participant, List<Event> events, long revision) {
      this(participant, events, revision, false);
    }
  }

  /** The token is not one of this workshop's. */
  record UnknownToken() implements Admission {}

  /** RO5: the facilitator removed this person; their token no longer opens the workshop. */
  record Removed() implements Admission {}

  /** RO3: the workshop is locked and takes nobody new. */
  record Locked() implements Admission {}

  /** LM5: the workshop holds as many people as the server allows and takes nobody new. */
  record Full(int participants) implements Admission {}

  /** RO4: a newcomer gave no passcode ({@code given} false) or a wrong one. */
  record PasscodeRefused(boolean given) implements Admission {}

  /** HS9: an observer may read the workshop; nothing changed by letting it in. */
  record Observing() implements Admission {}
}
