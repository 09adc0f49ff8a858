package io.atelier.domain;

import java.io.Serializable;

/**
 * A person's marker on the role map (RM1): the model asks which role each person plays in each
 * pillar, so a participant marks the pillars where they contribute and may say how.
 */
public record RoleMarker(ParticipantId participantId, Pillar pillar, String role)
    implements Serializable {
  public static final int MAX_ROLE = 80;

  public RoleMarker {
    if (participantId == null || pillar == null) {
      throw new InvalidValueException("a role marker needs a participant and a pillar");
    }
    role = Checks.text(role, MAX_ROLE, "role").strip();
  }
}
