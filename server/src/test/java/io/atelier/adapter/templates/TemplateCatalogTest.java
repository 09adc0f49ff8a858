package io.atelier.adapter.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.CanvasTemplate;
import io.atelier.domain.Language;
import io.atelier.domain.Pillar;
import io.atelier.domain.Zone;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The template files the browser draws and the server counts with, checked against domain.md. */
class TemplateCatalogTest {
  private final TemplateCatalog catalog = TemplateCatalog.load();

  private Zone zone(CanvasTemplate layout, String id) {
    return layout.zone(id).orElseThrow(() -> new AssertionError("no zone " + id));
  }

  @Test
  @DisplayName("every template has its name, zone names and questions in French and in English")
  void bothLanguages() {
    assertThat(catalog.all()).hasSize(3);
    for (TemplateCatalog.Template template : catalog.all()) {
      assertThat(template.name()).containsOnlyKeys(Language.values());
      for (Zone zone : template.layout().zones()) {
        assertThat(template.zoneNames().get(zone.id())).containsOnlyKeys(Language.values());
        assertThat(template.questions().get(zone.id())).containsOnlyKeys(Language.values());
      }
    }
    assertThat(catalog.template("blank").orElseThrow().layout().zones()).isEmpty();
  }

  @Test
  @DisplayName(
      "the MSC canvas: five pillars; community and values at the centre; two balancing axes")
  void mscLayout() {
    CanvasTemplate msc = catalog.template("msc").orElseThrow().layout();
    assertThat(msc.zones().stream().flatMap(z -> z.pillar().stream()))
        .containsExactlyInAnyOrder(Pillar.values());
    Zone values = zone(msc, "values");
    Zone community = zone(msc, "community");
    assertThat(values.pillar()).isEmpty();
    assertThat(community.surrounds(values)).isTrue();
    assertThat(msc.zoneAt(values.centreX(), values.centreY()).map(Zone::id)).contains("values");
    // Sharing faces co-governance across the centre; co-production faces resources.
    Zone sharing = zone(msc, "sharing");
    Zone cogovernance = zone(msc, "cogovernance");
    Zone coproduction = zone(msc, "coproduction");
    Zone resources = zone(msc, "resources");
    assertThat(sharing.centreX()).isLessThan(community.x());
    assertThat(cogovernance.centreX()).isGreaterThan(community.x() + community.width());
    assertThat(sharing.centreY() + cogovernance.centreY()).isEqualTo(2 * community.centreY());
    assertThat(coproduction.centreY()).isLessThan(community.y());
    assertThat(resources.centreY()).isGreaterThan(community.y() + community.height());
  }

  @Test
  @DisplayName("the MSC pillar zones tile the canvas without overlapping each other")
  void pillarZonesDoNotOverlap() {
    List<Zone> pillars =
        catalog.template("msc").orElseThrow().layout().zones().stream()
            .filter(z -> z.pillar().isPresent())
            .toList();
    for (Zone a : pillars) {
      for (Zone b : pillars) {
        if (a != b) {
          boolean overlap =
              a.x() < b.x() + b.width()
                  && b.x() < a.x() + a.width()
                  && a.y() < b.y() + b.height()
                  && b.y() < a.y() + a.height();
          assertThat(overlap).as(a.id() + " and " + b.id()).isFalse();
        }
      }
    }
  }

  @Test
  @DisplayName("the 'analyse another platform' canvas: the five pillars and three places to react")
  void analysePlatform() {
    CanvasTemplate layout = catalog.template("analyse-platform").orElseThrow().layout();
    assertThat(layout.zones().stream().flatMap(z -> z.pillar().stream()))
        .containsExactlyInAnyOrder(Pillar.values());
    assertThat(layout.zones().stream().filter(z -> z.pillar().isEmpty()).map(Zone::id))
        .containsExactly("inspires", "thinking", "questions");
    assertThat(Arrays.stream(Pillar.values()).map(Pillar::code))
        .allMatch(
            code ->
                layout
                    .zone(code)
                    .map(Zone::pillar)
                    .equals(Optional.of(Optional.of(Pillar.fromCode(code)))));
  }
}
