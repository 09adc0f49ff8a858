package io.atelier.domain;

import java.io.Serializable;

/**
 * A person in a workshop. The token that proves who they are is kept only as a hash ({@code
 * tokenHash}), so that the shared state never holds a usable secret.
 */
public record Participant(ParticipantId id, String name, String color, String tokenHash)
    implements Serializable {
  public Participant {
    if (id == null) {
      throw new InvalidValueException("participant id is required");
    }
    Checks.label(name, Checks.MAX_NAME, "displayName");
    if (color == null || tokenHash == null) {
      throw new InvalidValueException("participant colour and token hash are required");
    }
  }

  public ParticipantView view(boolean online) {
    return new ParticipantView(id, name, color, online);
  }
}
