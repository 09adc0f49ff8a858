package io.atelier.domain;

import java.io.Serializable;

/** What became of one change: applied, already applied before (CH2), or refused (CH3). */
public sealed interface Outcome extends Serializable {
  String changeId();

  /** {@code visibility}: who may read the event as it is (PW1); public for most. */
  record Applied(Event event, Visibility visibility) implements Outcome {
    public Applied(Event event) {
      this(event, Visibility.PUBLIC);
    }

    @Override
    public String changeId() {
      return event.changeId();
    }
  }

  record Duplicate(String changeId, long revision) implements Outcome {}

  record Rejected(String changeId, RejectionCode code, String message) implements Outcome {}
}
