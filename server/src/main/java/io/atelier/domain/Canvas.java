package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One canvas of a workshop, drawn from a template (CV1). Sub-groups work on one canvas each; a
 * deleted canvas is a tombstone so that a late note for it is refused rather than lost silently. A
 * locked canvas is read-only for everyone but the facilitator (LK1).
 */
public record Canvas(
    String id, String name, String templateId, long createdAt, boolean deleted, boolean locked)
    implements Serializable {
  /** The canvas every workshop starts with; notes that name no canvas sit on it (NT7). */
  public static final String FIRST_ID = "main";

  /** The templates a canvas may be drawn from, in the order a facilitator is offered them. */
  public static final List<String> TEMPLATES = List.of("msc", "analyse-platform", "blank");

  public static final int MAX_CANVASES = 40;

  public Canvas {
    Checks.identifier(id, "canvasId");
    name = Checks.label(name, Checks.MAX_TITLE, "name");
    if (!TEMPLATES.contains(templateId)) {
      throw new InvalidValueException("template must be one of " + String.join(", ", TEMPLATES));
    }
  }

  /** A canvas that is not locked (LK1), as every canvas was before locks existed. */
  public Canvas(String id, String name, String templateId, long createdAt, boolean deleted) {
    this(id, name, templateId, createdAt, deleted, false);
  }

  Canvas renamed(String newName) {
    return new Canvas(id, newName, templateId, createdAt, deleted, locked);
  }

  Canvas asTombstone() {
    return new Canvas(id, name, templateId, createdAt, true, locked);
  }

  Canvas withLock(boolean lock) {
    return new Canvas(id, name, templateId, createdAt, deleted, lock);
  }
}
