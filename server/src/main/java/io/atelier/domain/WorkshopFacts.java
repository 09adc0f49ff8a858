package io.atelier.domain;

import java.io.Serializable;

/** The fixed facts of a workshop, given at creation. The facilitator key is kept only as a hash. */
public record WorkshopFacts(
    WorkshopId id, String title, Language language, String facilitatorKeyHash, long createdAt)
    implements Serializable {
  public WorkshopFacts {
    if (id == null || language == null || facilitatorKeyHash == null) {
      throw new InvalidValueException("id, language and facilitator key are required");
    }
    title = Checks.label(title, Checks.MAX_TITLE, "title");
  }
}
