package io.atelier.domain;

import java.io.Serializable;
import java.util.Optional;

/**
 * A named area of a canvas template, in canvas coordinates. A zone may stand for a pillar (its
 * notes count for it) or not (the values centre, "what inspires me").
 */
public record Zone(
    String id, Optional<Pillar> pillar, double x, double y, double width, double height)
    implements Serializable {
  public Zone {
    Checks.identifier(id, "zone id");
    if (pillar == null) {
      throw new InvalidValueException("a zone's pillar is optional, not null");
    }
    if (!(width > 0) || !(height > 0)) {
      throw new InvalidValueException("zone " + id + " needs a positive size");
    }
  }

  /**
   * Left and top edges are inside, right and bottom edges outside: tiled zones never share a point.
   */
  public boolean contains(double px, double py) {
    return px >= x && px < x + width && py >= y && py < y + height;
  }

  /** Whether the other zone lies wholly inside this one. */
  public boolean surrounds(Zone other) {
    return other.x >= x
        && other.y >= y
        && other.x + other.width <= x + width
        && other.y + other.height <= y + height;
  }

  public double centreX() {
    return x + width / 2;
  }

  public double centreY() {
    return y + height / 2;
  }

  /**
   * Optional is not serializable, and a zone travels between nodes inside an {@code open_vote}
   * (DV1): it is written as this plain form, and read back as a zone.
   */
  private Object writeReplace() {
    return new Plain(id, pillar.orElse(null), x, y, width, height);
  }

  private record Plain(String id, Pillar pillar, double x, double y, double width, double height)
      implements Serializable {
    private Object readResolve() {
      return new Zone(id, Optional.ofNullable(pillar), x, y, width, height);
    }
  }
}
