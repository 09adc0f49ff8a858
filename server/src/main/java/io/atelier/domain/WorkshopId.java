package io.atelier.domain;

import java.io.Serializable;

/** The public, unguessable identifier of a workshop; it is the key of its shared state. */
public record WorkshopId(String value) implements Serializable {
  public WorkshopId {
    Checks.identifier(value, "workshopId");
  }

  @Override
  public String toString() {
    return value;
  }
}
