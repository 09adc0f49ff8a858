package io.atelier.adapter.export;

import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.domain.Language;
import io.atelier.domain.Note;
import io.atelier.domain.Pillar;
import io.atelier.domain.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The zones of one canvas's template, named in the workshop's language and in the order an export
 * lists them: the pillars in the model's order of discussion (Community first, Co-governance last),
 * then the other zones (values, what inspires...) as the template lists them. A note belongs to the
 * zone that holds its centre (CV5).
 */
final class CanvasZones {
  private final List<Zone> ordered;
  private final TemplateCatalog.Template template;
  private final Language language;

  private CanvasZones(TemplateCatalog.Template template, Language language) {
    this.template = template;
    this.language = language;
    List<Zone> zones = template == null ? List.of() : template.layout().zones();
    List<Zone> sorted = new ArrayList<>();
    zones.stream()
        .filter(zone -> zone.pillar().isPresent())
        .sorted(
            Comparator.comparingInt(zone -> Pillar.DISCUSSION_ORDER.indexOf(zone.pillar().get())))
        .forEach(sorted::add);
    zones.stream().filter(zone -> zone.pillar().isEmpty()).forEach(sorted::add);
    this.ordered = List.copyOf(sorted);
  }

  static CanvasZones of(TemplateCatalog catalog, String templateId, Language language) {
    return new CanvasZones(catalog.template(templateId).orElse(null), language);
  }

  /** Zones in export order; empty for a blank canvas. */
  List<Zone> ordered() {
    return ordered;
  }

  Optional<Zone> zoneOf(Note note) {
    return template == null ? Optional.empty() : template.layout().zoneOf(note);
  }

  String nameOf(Zone zone) {
    return template.zoneNames().get(zone.id()).get(language);
  }

  /** The template's own name ("Commons Sustainability Model canvas"), or its id if unknown. */
  String templateName(String templateId) {
    return template == null ? templateId : template.name().get(language);
  }

  /**
   * The pillars' names in a language, as the MSC canvas names its zones, so that an export says
   * "Co-gouvernance" where the board does.
   */
  static Map<Pillar, String> pillarNames(TemplateCatalog catalog, Language language) {
    Map<Pillar, String> names = new EnumMap<>(Pillar.class);
    catalog
        .template("msc")
        .ifPresent(
            msc ->
                msc.layout()
                    .zones()
                    .forEach(
                        zone ->
                            zone.pillar()
                                .ifPresent(
                                    pillar ->
                                        names.put(
                                            pillar,
                                            msc.zoneNames().get(zone.id()).get(language)))));
    for (Pillar pillar : Pillar.values()) {
      names.putIfAbsent(pillar, pillar.code());
    }
    return names;
  }
}
