package io.atelier.adapter.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One JSON object of an export, read strictly: every field must be there with its JSON type
 * (nullable ones may be {@code null}), and {@link #done()} refuses any field nobody read, so a
 * document of another shape is refused rather than half understood. Errors name the path.
 */
final class StrictObject {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private StrictObject(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static StrictObject of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new BadExportException(describe(path) + " must be an object");
    }
    return new StrictObject(node, path);
  }

  String path() {
    return path;
  }

  String text(String name) {
    JsonNode field = field(name);
    if (!field.isTextual()) {
      throw wrongType(name, "a string");
    }
    return field.textValue();
  }

  String optionalText(String name) {
    return field(name).isNull() ? null : text(name);
  }

  double number(String name) {
    JsonNode field = field(name);
    if (!field.isNumber()) {
      throw wrongType(name, "a number");
    }
    return field.doubleValue();
  }

  long integer(String name) {
    JsonNode field = field(name);
    if (!field.isIntegralNumber() || !field.canConvertToLong()) {
      throw wrongType(name, "an integer");
    }
    return field.longValue();
  }

  Long optionalInteger(String name) {
    return field(name).isNull() ? null : integer(name);
  }

  int smallInteger(String name) {
    long value = integer(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(name, "a small integer");
    }
    return (int) value;
  }

  Integer optionalSmallInteger(String name) {
    return field(name).isNull() ? null : smallInteger(name);
  }

  boolean bool(String name) {
    JsonNode field = field(name);
    if (!field.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return field.booleanValue();
  }

  StrictObject object(String name) {
    field(name);
    return of(node.get(name), child(name));
  }

  /** An array whose elements are objects, each read strictly. */
  List<StrictObject> objects(String name) {
    JsonNode field = field(name);
    if (!field.isArray()) {
      throw wrongType(name, "an array");
    }
    List<StrictObject> elements = new ArrayList<>(field.size());
    for (int i = 0; i < field.size(); i++) {
      elements.add(of(field.get(i), child(name) + "[" + i + "]"));
    }
    return elements;
  }

  /** An object used as a map from names to strings (the groups). */
  List<Map.Entry<String, String>> textMap(String name) {
    JsonNode field = field(name);
    if (!field.isObject()) {
      throw wrongType(name, "an object");
    }
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = field.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      if (!entry.getValue().isTextual()) {
        throw new BadExportException(child(name) + "." + entry.getKey() + " must be a string");
      }
      entries.add(Map.entry(entry.getKey(), entry.getValue().textValue()));
    }
    return entries;
  }

  /** Whether the document holds that field (for fields later versions of the format added). */
  boolean has(String name) {
    return node.has(name);
  }

  /** An object, or null when the field is JSON null. */
  StrictObject optionalObject(String name) {
    JsonNode field = field(name);
    return field.isNull() ? null : of(field, child(name));
  }

  /** An array whose elements are strings (participant ids). */
  List<String> texts(String name) {
    JsonNode field = field(name);
    if (!field.isArray()) {
      throw wrongType(name, "an array");
    }
    List<String> values = new ArrayList<>(field.size());
    for (int i = 0; i < field.size(); i++) {
      if (!field.get(i).isTextual()) {
        throw new BadExportException(child(name) + "[" + i + "] must be a string");
      }
      values.add(field.get(i).textValue());
    }
    return values;
  }

  /** The size of an array field (what an export does not read yet, such as images). */
  int arraySize(String name) {
    JsonNode field = field(name);
    if (!field.isArray()) {
      throw wrongType(name, "an array");
    }
    return field.size();
  }

  /** Refuses any field that was not read: it belongs to another format. */
  void done() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new BadExportException(describe(path) + " has an unknown field \"" + name + "\"");
      }
    }
  }

  /** Builds a domain value; a value the domain refuses is reported with this object's path. */
  <T> T build(Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidValueException e) {
      throw new BadExportException(describe(path) + ": " + e.getMessage());
    }
  }

  private JsonNode field(String name) {
    JsonNode field = node.get(name);
    if (field == null) {
      throw new BadExportException(child(name) + " is missing");
    }
    read.add(name);
    return field;
  }

  private BadExportException wrongType(String name, String expected) {
    return new BadExportException(child(name) + " must be " + expected);
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the document" : path;
  }
}
