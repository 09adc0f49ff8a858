package io.atelier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Invalid (and a few valid) variants of every client example in docs/protocol/examples/client, each
 * with what the server must answer (ER1). The message types come from the examples directory, so a
 * new type is mutated as soon as it has an example, and every field of it is taken as required
 * until {@link #OPTIONAL} says otherwise: a field that may be left out but is not listed fails
 * MessageValidationTest instead of escaping it. Shared by that test, the socket test and the fuzz
 * test.
 */
public final class ExampleMutations {
  public static final Path EXAMPLES = Path.of("..", "docs", "protocol", "examples");

  /** Longer than every text cap of the protocol (the longest is a step body, 20,000). */
  public static final int HUGE_TEXT = 30_000;

  /** More elements than every list of the protocol takes (the longest is noteIds, 500). */
  public static final int LONG_LIST = 1_000;

  /**
   * The fields a client may leave out (or send as null) without the message being refused: {@code
   * type:path}, list indexes written {@code []}. Anything else an example holds is required.
   */
  static final Set<String> OPTIONAL =
      Set.of(
          "hello:observe", // HS8: left out is false
          "hello:passcode", // RO4
          "create_note:canvasId", // NT7: main
          "update_note:set.x", // NT2: set names at least one of its properties, any of them
          "update_note:set.y",
          "update_note:set.text",
          "set_role:role", // RM1: null takes the marker away
          "focus_pillar:pillar", // AG5: none
          "go_to_step:stepId", // AG2: none
          "set_passcode:passcode", // RO4: none
          "assign_group:canvasId", // CV4: no group
          "set_canvas_privacy:anonymous", // PW2: false
          "move_cursor:editingNoteId", // CU2
          "move_cursor:canvasId", // CU3: main
          "open_vote:pillar", // DV1: null is the whole canvas
          "open_vote:maxPerNote", // DV1: null is no limit per note
          "set_agenda:steps[].body", // AG1: empty
          "set_agenda:steps[].template", // AG1: canvas steps only
          "set_agenda:steps[].pillarMinutes");

  /**
   * Where leaving a field out makes the message refused for another field: {@code example
   * file:path} to the field the error names. An observer's hello without {@code observe} is a
   * participant's hello without a name.
   */
  static final Map<String, String> REFUSED_FOR_ANOTHER_FIELD =
      Map.of("hello.observer.json:observe", "displayName");

  private static final Pattern ID_FIELD = Pattern.compile("(.*Id|id|.*Ids)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleMutations() {}

  /** One client example file. */
  public record Example(String file, String type, ObjectNode message) {
    public String frame() {
      return JsonPaths.write(message);
    }
  }

  /**
   * A frame and what must come of it: refused ({@code refused}) with an error whose message names
   * {@code field} (null when no field is to blame, e.g. a truncated frame), or accepted.
   */
  public record Mutation(
      String kind, String example, String path, String frame, boolean refused, String field) {
    @Override
    public String toString() {
      return example + " " + kind + (path.isEmpty() ? "" : " " + path);
    }
  }

  public static List<Example> clientExamples() {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve("client"))) {
      List<Example> examples = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        ObjectNode message =
            (ObjectNode) JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        examples.add(
            new Example(file.getFileName().toString(), message.get("type").asText(), message));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every mutation of every example, in a fixed order. */
  public static List<Mutation> all() {
    return clientExamples().stream().flatMap(example -> of(example).stream()).toList();
  }

  /** The mutations of one example: of its type, of its frame, and of each of its fields. */
  public static List<Mutation> of(Example example) {
    List<Mutation> out = new ArrayList<>();
    typeMutations(example, out);
    frameMutations(example, out);
    for (List<Object> path : JsonPaths.fields(example.message(), List.of())) {
      fieldMutations(example, path, out);
    }
    return out;
  }

  private static void typeMutations(Example example, List<Mutation> out) {
    ObjectNode noType = example.message().deepCopy();
    noType.remove("type");
    out.add(refused(example, "drop_type", List.of("type"), JsonPaths.write(noType), "type"));
    out.add(
        refused(example, "unknown_type", List.of("type"), withType(example, "paint_wall"), "type"));
    out.add(
        refused(
            example,
            "shouting_type",
            List.of("type"),
            withType(example, example.type().toUpperCase()),
            "type"));
    ObjectNode numberType = example.message().deepCopy();
    numberType.put("type", 7);
    out.add(
        refused(example, "type_not_text", List.of("type"), JsonPaths.write(numberType), "type"));
  }

  private static String withType(Example example, String type) {
    ObjectNode copy = example.message().deepCopy();
    copy.put("type", type);
    return JsonPaths.write(copy);
  }

  private static void frameMutations(Example example, List<Mutation> out) {
    String frame = example.frame();
    for (int cut : new int[] {frame.length() / 3, frame.length() / 2, frame.length() - 1}) {
      out.add(refused(example, "truncated", List.of(), frame.substring(0, cut), null));
    }
    out.add(refused(example, "trailing_data", List.of(), frame + "{}", null));
    out.add(refused(example, "in_a_list", List.of(), "[" + frame + "]", null));
    ObjectNode extra = example.message().deepCopy();
    extra.put("zzUnknownField", 1);
    out.add(accepted(example, "unknown_field", List.of(), JsonPaths.write(extra)));
    ObjectNode deep = example.message().deepCopy();
    deep.set("zzDeep", nested(40));
    out.add(refused(example, "deep_nesting", List.of(), JsonPaths.write(deep), null));
  }

  private static void fieldMutations(Example example, List<Object> path, List<Mutation> out) {
    JsonNode value = JsonPaths.get(example.message(), path);
    String field = JsonPaths.namedField(path);
    boolean element = path.get(path.size() - 1) instanceof Integer;
    String key = example.type() + ":" + JsonPaths.pattern(path);

    if (!element) {
      boolean optional = value.isNull() || OPTIONAL.contains(key);
      String other = REFUSED_FOR_ANOTHER_FIELD.get(example.file() + ":" + JsonPaths.pattern(path));
      String dropped = JsonPaths.write(JsonPaths.removed(example.message(), path));
      String nulled =
          JsonPaths.write(
              JsonPaths.replaced(example.message(), path, JsonNodeFactory.instance.nullNode()));
      if (other != null) {
        out.add(refused(example, "drop", path, dropped, other));
        out.add(refused(example, "null", path, nulled, other));
      } else if (optional) {
        out.add(accepted(example, "drop", path, dropped));
        out.add(accepted(example, "null", path, nulled));
      } else {
        out.add(refused(example, "drop", path, dropped, field));
        out.add(refused(example, "null", path, nulled, field));
      }
      out.add(
          refused(
              example, "duplicate", path, JsonPaths.duplicated(example.message(), path), field));
    } else if (value.isTextual()) {
      String nulled =
          JsonPaths.write(
              JsonPaths.replaced(example.message(), path, JsonNodeFactory.instance.nullNode()));
      out.add(refused(example, "null_element", path, nulled, field));
    }
    for (JsonNode wrong : wrongTypes(value)) {
      out.add(
          refused(
              example,
              "wrong_type",
              path,
              JsonPaths.write(JsonPaths.replaced(example.message(), path, wrong)),
              field));
    }
    if (value.isTextual()) {
      String huge = "a".repeat(HUGE_TEXT);
      out.add(
          refused(
              example,
              "huge_string",
              path,
              JsonPaths.write(JsonPaths.replaced(example.message(), path, TextNode.valueOf(huge))),
              field));
      // Escaped in the JSON text: a raw unpaired surrogate would not survive UTF-8 on the wire.
      String quoted = JsonPaths.write(value);
      String unpaired = quoted.substring(0, quoted.length() - 1) + "\\ud800\"";
      out.add(
          refused(
              example,
              "unpaired_surrogate",
              path,
              JsonPaths.withRaw(example.message(), path, unpaired),
              field));
      if (ID_FIELD.matcher(field).matches()) {
        for (String odd : new String[] {"a b", "n<1>", "é-1", "a".repeat(65), "", "../x"}) {
          out.add(
              refused(
                  example,
                  "odd_id",
                  path,
                  JsonPaths.write(
                      JsonPaths.replaced(example.message(), path, TextNode.valueOf(odd))),
                  field));
        }
      }
    }
    if (value.isNumber()) {
      for (String huge : new String[] {"1e400", "-1e400", "1e300", "\"NaN\"", "\"Infinity\""}) {
        out.add(
            refused(
                example,
                "huge_number",
                path,
                JsonPaths.withRaw(example.message(), path, huge),
                field));
      }
    }
    if (value.isArray() && !value.isEmpty()) {
      out.add(
          refused(
              example,
              "long_list",
              path,
              JsonPaths.write(
                  JsonPaths.replaced(example.message(), path, longList((ArrayNode) value))),
              field));
    }
    if (value.isObject()) {
      ObjectNode extra = ((ObjectNode) value).deepCopy();
      extra.put("zzUnknownField", true);
      out.add(
          accepted(
              example,
              "unknown_nested_field",
              path,
              JsonPaths.write(JsonPaths.replaced(example.message(), path, extra))));
    }
  }

  /** Values of every JSON type but the field's own (for null: an object, wrong for any field). */
  private static List<JsonNode> wrongTypes(JsonNode value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<JsonNode> wrong = new ArrayList<>();
    if (value.isNull()) {
      return List.of(nodes.objectNode().put("a", 1)); // the field's own type is not known
    }
    if (!value.isTextual()) {
      wrong.add(nodes.textNode("7"));
    }
    if (!value.isNumber()) {
      wrong.add(nodes.numberNode(7));
    }
    if (!value.isBoolean()) {
      wrong.add(nodes.booleanNode(true));
    }
    if (!value.isArray()) {
      wrong.add(nodes.arrayNode().add("x"));
    }
    if (!value.isObject()) {
      wrong.add(nodes.objectNode().put("a", 1));
    }
    return wrong;
  }

  /** {@link #LONG_LIST} distinct copies of the list's first element. */
  private static ArrayNode longList(ArrayNode list) {
    ArrayNode copy = JsonNodeFactory.instance.arrayNode();
    JsonNode first = list.get(0);
    for (int i = 0; i < LONG_LIST; i++) {
      if (first.isTextual()) {
        copy.add(first.asText() + "-" + i);
      } else if (first.isObject() && first.has("id")) {
        ObjectNode element = first.deepCopy();
        element.put("id", first.get("id").asText() + "-" + i);
        copy.add(element);
      } else {
        copy.add(first.deepCopy());
      }
    }
    return copy;
  }

  private static JsonNode nested(int depth) {
    JsonNode node = JsonNodeFactory.instance.arrayNode();
    for (int i = 1; i < depth; i++) {
      node = JsonNodeFactory.instance.arrayNode().add(node);
    }
    return node;
  }

  private static Mutation refused(
      Example example, String kind, List<Object> path, String frame, String field) {
    return new Mutation(kind, example.file(), JsonPaths.display(path), frame, true, field);
  }

  private static Mutation accepted(Example example, String kind, List<Object> path, String frame) {
    return new Mutation(kind, example.file(), JsonPaths.display(path), frame, false, null);
  }
}
