package io.atelier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths into a JSON message ({@code steps[0].title} as {@code ["steps", 0, "title"]}) and the edits
 * the mutation tests make along them, including the ones no JSON tree can hold (a field written
 * twice, {@code 1e400}), which go by text.
 */
public final class JsonPaths {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonPaths() {}

  /** Every field below {@code node} but {@code type}, containers before what they hold. */
  public static List<List<Object>> fields(JsonNode node, List<Object> prefix) {
    List<List<Object>> paths = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                if (prefix.isEmpty() && name.equals("type")) {
                  return;
                }
                List<Object> path = append(prefix, name);
                paths.add(path);
                paths.addAll(fields(node.get(name), path));
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> path = append(prefix, i);
        paths.add(path);
        paths.addAll(fields(node.get(i), path));
      }
    }
    return paths;
  }

  /** The name an error must carry: the last field name on the path (a list's own name). */
  public static String namedField(List<Object> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i) instanceof String name) {
        return name;
      }
    }
    throw new IllegalArgumentException("no field on " + path);
  }

  /** {@code set.x}, {@code steps[].title}: the path with list indexes left out. */
  public static String pattern(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer) {
        text.append("[]");
      } else {
        text.append(text.isEmpty() ? "" : ".").append(segment);
      }
    }
    return text.toString();
  }

  public static String display(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        text.append(text.isEmpty() ? "" : ".").append(segment);
      }
    }
    return text.toString();
  }

  public static JsonNode get(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object segment : path) {
      node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
    }
    return node;
  }

  public static ObjectNode replaced(ObjectNode root, List<Object> path, JsonNode value) {
    ObjectNode copy = root.deepCopy();
    JsonNode parent = get(copy, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return copy;
  }

  public static ObjectNode removed(ObjectNode root, List<Object> path) {
    ObjectNode copy = root.deepCopy();
    ((ObjectNode) get(copy, path.subList(0, path.size() - 1)))
        .remove((String) path.get(path.size() - 1));
    return copy;
  }

  /** The field written twice with its own value: a tree cannot hold that, so it goes by text. */
  public static String duplicated(ObjectNode root, List<Object> path) {
    ObjectNode copy = root.deepCopy();
    ObjectNode parent = (ObjectNode) get(copy, path.subList(0, path.size() - 1));
    String name = (String) path.get(path.size() - 1);
    parent.set("zzDuplicateMarker", parent.get(name).deepCopy());
    return write(copy).replace("\"zzDuplicateMarker\":", "\"" + name + "\":");
  }

  /** A field's value written as raw JSON text, e.g. {@code 1e400}, which no tree can hold. */
  public static String withRaw(ObjectNode root, List<Object> path, String raw) {
    String marker = "zzRawMarker";
    return write(replaced(root, path, TextNode.valueOf(marker))).replace("\"" + marker + "\"", raw);
  }

  private static List<Object> append(List<Object> prefix, Object segment) {
    List<Object> path = new ArrayList<>(prefix);
    path.add(segment);
    return List.copyOf(path);
  }

  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
