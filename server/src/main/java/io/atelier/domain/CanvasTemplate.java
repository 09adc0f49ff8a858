package io.atelier.domain;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of a canvas: its zones, in order of precedence (a zone listed first wins where zones
 * overlap, so the values centre can sit inside the community). A note belongs to the zone that
 * holds its centre, or to none.
 */
public record CanvasTemplate(String id, List<Zone> zones) implements Serializable {
  public CanvasTemplate {
    Checks.identifier(id, "template id");
    zones = List.copyOf(zones);
    Set<String> ids = new HashSet<>();
    for (Zone zone : zones) {
      if (!ids.add(zone.id())) {
        throw new InvalidValueException("template " + id + " has two zones " + zone.id());
      }
    }
  }

  public Optional<Zone> zoneAt(double x, double y) {
    return zones.stream().filter(zone -> zone.contains(x, y)).findFirst();
  }

  /** The zone a note sits in: the one that holds its centre. */
  public Optional<Zone> zoneOf(Note note) {
    return zoneAt(note.x() + note.width() / 2, note.y() + note.height() / 2);
  }

  public Optional<Zone> zone(String zoneId) {
    return zones.stream().filter(zone -> zone.id().equals(zoneId)).findFirst();
  }

  /** How many live notes sit in each pillar's zone; every pillar of the template is present. */
  public PillarBalance balance(Collection<Note> notes) {
    Map<Pillar, Integer> counts = new EnumMap<>(Pillar.class);
    zones.forEach(zone -> zone.pillar().ifPresent(pillar -> counts.putIfAbsent(pillar, 0)));
    for (Note note : notes) {
      if (!note.deleted()) {
        zoneOf(note)
            .flatMap(Zone::pillar)
            .ifPresent(pillar -> counts.merge(pillar, 1, Integer::sum));
      }
    }
    return new PillarBalance(counts);
  }
}
