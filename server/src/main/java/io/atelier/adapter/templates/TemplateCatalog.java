package io.atelier.adapter.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.domain.CanvasTemplate;
import io.atelier.domain.Language;
import io.atelier.domain.Pillar;
import io.atelier.domain.Zone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates the product offers, read once from the classpath (the web client's jar). A file
 * that does not parse, or lacks a text in one of the languages, stops the node at start-up: a
 * template half in English is a bug, not something to show.
 */
public final class TemplateCatalog {
  /** The templates, in the order a facilitator is offered them. */
  public static final List<String> IDS = List.of("msc", "analyse-platform", "blank");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Template> templates;

  private TemplateCatalog(Map<String, Template> templates) {
    this.templates = templates;
  }

  /** A template's geometry, and its texts by language. */
  public record Template(
      CanvasTemplate layout,
      Map<Language, String> name,
      Map<String, Map<Language, String>> zoneNames,
      Map<String, Map<Language, List<String>>> questions) {}

  public static TemplateCatalog load() {
    Map<String, Template> loaded = new LinkedHashMap<>();
    for (String id : IDS) {
      loaded.put(id, read(id));
    }
    return new TemplateCatalog(loaded);
  }

  public Optional<Template> template(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  public List<Template> all() {
    return List.copyOf(templates.values());
  }

  private static Template read(String id) {
    String path = "webroot/templates/" + id + ".json";
    try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No template " + path + " on the classpath");
      }
      JsonNode root = JSON.readTree(in);
      if (root.path("v").asInt() != 1 || !id.equals(root.path("id").asText())) {
        throw new IllegalStateException(path + ": expected format 1 and id " + id);
      }
      List<Zone> zones = new ArrayList<>();
      Map<String, Map<Language, String>> zoneNames = new LinkedHashMap<>();
      Map<String, Map<Language, List<String>>> questions = new LinkedHashMap<>();
      for (JsonNode zone : root.path("zones")) {
        String zoneId = zone.path("id").asText();
        JsonNode pillar = zone.path("pillar");
        zones.add(
            new Zone(
                zoneId,
                pillar.isNull() || pillar.isMissingNode()
                    ? Optional.empty()
                    : Optional.of(Pillar.fromCode(pillar.asText())),
                zone.path("x").asDouble(),
                zone.path("y").asDouble(),
                zone.path("width").asDouble(),
                zone.path("height").asDouble()));
        zoneNames.put(zoneId, texts(zone.path("name"), path + " zone " + zoneId + " name"));
        questions.put(zoneId, lists(zone.path("questions"), path + " zone " + zoneId));
      }
      return new Template(
          new CanvasTemplate(id, zones),
          texts(root.path("name"), path + " name"),
          zoneNames,
          questions);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  private static Map<Language, String> texts(JsonNode node, String where) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String text = node.path(language.code()).asText("");
      if (text.isBlank()) {
        throw new IllegalStateException(where + " has no " + language.code() + " text");
      }
      texts.put(language, text);
    }
    return texts;
  }

  private static Map<Language, List<String>> lists(JsonNode node, String where) {
    Map<Language, List<String>> lists = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      List<String> items = new ArrayList<>();
      node.path(language.code()).forEach(item -> items.add(item.asText()));
      if (items.isEmpty() || items.stream().anyMatch(String::isBlank)) {
        throw new IllegalStateException(where + " has no " + language.code() + " questions");
      }
      lists.put(language, List.copyOf(items));
    }
    return lists;
  }
}
