package io.atelier.domain;

import java.io.Serializable;

/** The public identifier of a participant inside one workshop (not a secret: it is on the wire). */
public record ParticipantId(String value) implements Serializable {
  public ParticipantId {
    Checks.identifier(value, "participantId");
  }

  @Override
  public String toString() {
    return value;
  }
}
