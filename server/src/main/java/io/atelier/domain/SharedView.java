package io.atelier.domain;

import java.io.Serializable;

/**
 * What a facilitator's screen shows: a canvas and the rectangle of its world in view (FS1, FS2). A
 * rectangle rather than a zoom, so that a phone and a projector can both show the same area.
 * Volatile, like a cursor: relayed to the other screens, never stored.
 */
public record SharedView(
    ParticipantId participantId, String canvasId, double x, double y, double width, double height)
    implements Serializable {
  /** The widest rectangle a screen may show, in world units (FS1). */
  public static final double MAX_EXTENT = 200_000;

  public SharedView {
    Checks.identifier(canvasId, "canvasId");
    Checks.coordinate(x, "view.x");
    Checks.coordinate(y, "view.y");
    extent(width, "view.width");
    extent(height, "view.height");
  }

  /** FS1: a width or height from 1 to 200,000 world units. */
  public static double extent(double value, String field) {
    if (!Double.isFinite(value) || value < 1 || value > MAX_EXTENT) {
      throw new InvalidValueException(field + " must be between 1 and 200000");
    }
    return value;
  }
}
