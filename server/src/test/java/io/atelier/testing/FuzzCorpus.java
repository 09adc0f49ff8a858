package io.atelier.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.testing.ExampleMutations.Example;
import io.atelier.testing.ExampleMutations.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the fuzz test sends: the mutations of the protocol's examples (with what the server must
 * answer, {@link ExampleMutations}) and random ones on top: junk, values of any type in any field,
 * deep nesting, long strings, odd Unicode, truncations, binary frames, valid messages naming
 * another workshop's things, hellos that must be refused. One instance per fuzzing connection; all
 * randomness comes from the {@link Random} given, so a seed replays what each connection tried.
 */
public final class FuzzCorpus {
  /** What the server must do with an attempt. */
  public enum Expect {
    /** Refuse it as a bad message (ER1), or as a limit does: it changes nothing. */
    REFUSED,
    /** Anything the protocol allows: apply it, refuse it with a domain code, or drop it. */
    ANY
  }

  /** One frame after the hello. */
  public record Attempt(String kind, String frame, boolean binary, Expect expect) {}

  /** One first frame, and the close codes that may answer it (HS1 to HS4). */
  public record Opening(String kind, String frame, boolean binary, Set<Integer> closes) {}

  /** Things of a workshop the fuzzers do not belong to: naming them must change nothing there. */
  public record Elsewhere(
      String workshopId, String noteId, String canvasId, String clusterId, String participantId) {}

  private static final List<Example> EXAMPLES = ExampleMutations.clientExamples();
  private static final List<Mutation> MUTATIONS = ExampleMutations.all();

  private final Random random;
  private final Junk junk;
  private final String liveWorkshopId;
  private final Elsewhere elsewhere;
  private final String prefix;
  private final List<String> ownNotes = new ArrayList<>();
  private int counter;

  public FuzzCorpus(Random random, String liveWorkshopId, Elsewhere elsewhere, String prefix) {
    this.random = random;
    this.junk = new Junk(random);
    this.liveWorkshopId = liveWorkshopId;
    this.elsewhere = elsewhere;
    this.prefix = prefix;
  }

  /** A first frame: never a hello that lets the socket in (that one the connection sends). */
  public Opening opening() {
    int pick = random.nextInt(100);
    if (pick < 25) {
      Example example = pick(EXAMPLES.stream().filter(e -> !e.type().equals("hello")).toList());
      return new Opening("first_not_hello", example.frame(), random.nextInt(4) == 0, Set.of(4001));
    }
    if (pick < 50) {
      Mutation hello =
          pick(MUTATIONS.stream().filter(m -> m.example().startsWith("hello")).toList());
      // An accepted mutation still names the example's workshop, which does not exist (HS3).
      return new Opening(
          "hello_" + hello.kind(),
          hello.frame(),
          false,
          hello.refused() ? Set.of(4001) : Set.of(4004));
    }
    if (pick < 65) {
      return new Opening("junk_first", junk.frame(), random.nextBoolean(), Set.of(4001));
    }
    if (pick < 75) {
      return new Opening(
          "hello_other_version",
          hello(liveWorkshopId, 2 + random.nextInt(1000), null),
          false,
          Set.of(4000));
    }
    if (pick < 85) {
      return new Opening(
          "hello_unknown_workshop",
          hello("Zz" + random.nextInt(1_000_000), 1, null),
          false,
          Set.of(4004));
    }
    // A token this workshop never gave: someone else's workshop cannot be entered with a guess.
    return new Opening(
        "hello_guessed_token",
        hello(elsewhere.workshopId(), 1, "tok" + random.nextLong()),
        false,
        Set.of(4003));
  }

  /** The next frame to send once welcomed. */
  public Attempt next() {
    int pick = random.nextInt(1000);
    Attempt attempt;
    if (pick < 400) {
      Mutation mutation = pick(MUTATIONS);
      attempt =
          new Attempt(
              "mutation_" + mutation.kind(),
              mutation.frame(),
              false,
              mutation.refused() ? Expect.REFUSED : Expect.ANY);
    } else if (pick < 520) {
      attempt =
          new Attempt("valid_fresh", JsonPaths.write(fresh(pick(EXAMPLES))), false, Expect.ANY);
    } else if (pick < 580) {
      attempt = new Attempt("other_workshop_ids", elsewhere(pick(EXAMPLES)), false, Expect.ANY);
    } else if (pick < 680) {
      attempt = randomValue();
    } else if (pick < 760) {
      attempt = new Attempt("junk", junk.frame(), false, Expect.REFUSED);
    } else if (pick < 790) {
      attempt = nested();
    } else if (pick < 830) {
      attempt = longString();
    } else if (pick < 870) {
      attempt = new Attempt("odd_unicode_text", unicodeNote(), false, Expect.ANY);
    } else if (pick < 920) {
      String frame = pick(EXAMPLES).frame();
      attempt =
          new Attempt(
              "truncated",
              frame.substring(0, 1 + random.nextInt(frame.length() - 1)),
              false,
              Expect.REFUSED);
    } else if (pick < 950) {
      attempt = binaryJunk();
    } else if (pick < 970) {
      attempt =
          new Attempt("repeated_hello", hello(liveWorkshopId, 1, null), false, Expect.REFUSED);
    } else if (pick < 985) {
      attempt = oddNumber();
    } else {
      attempt = hugeFrame();
    }
    if (!attempt.binary() && random.nextInt(25) == 0) {
      return new Attempt(attempt.kind() + "+binary", attempt.frame(), true, attempt.expect());
    }
    return attempt;
  }

  /** An example with a new changeId and new ids for what it creates, so it may well apply. */
  private ObjectNode fresh(Example example) {
    ObjectNode message = example.message().deepCopy();
    String id = prefix + "-" + (++counter);
    if (message.has("changeId")) {
      message.put("changeId", "c-" + id);
    }
    switch (example.type()) {
      case "create_note" -> {
        message.put("noteId", "n-" + id);
        if (ownNotes.size() < 20) { // a bounded number of notes per connection: see next line
          ownNotes.add("n-" + id);
        } else { // past that, edit one of its own notes instead of filling the canvas
          message.put("type", "update_note");
          message.put("noteId", pick(ownNotes));
          message.remove(List.of("canvasId", "x", "y", "width", "height", "color"));
          message.remove("text");
          message.set("set", JsonNodeFactory.instance.objectNode().put("text", "edit " + id));
        }
      }
      case "update_note", "delete_note", "bring_note_to_front", "lock_note" -> {
        if (!ownNotes.isEmpty()) {
          message.put("noteId", pick(ownNotes));
        }
      }
      case "create_canvas" -> message.put("canvasId", "c-" + id);
      case "create_cluster" -> message.put("clusterId", "k-" + id);
      default -> {}
    }
    return message;
  }

  private String elsewhere(Example example) {
    ObjectNode message = example.message().deepCopy();
    Map<String, String> ids =
        Map.of(
            "noteId", elsewhere.noteId(),
            "canvasId", elsewhere.canvasId(),
            "clusterId", elsewhere.clusterId(),
            "participantId", elsewhere.participantId(),
            "workshopId", elsewhere.workshopId());
    ids.forEach(
        (field, value) -> {
          if (message.has(field)) {
            message.put(field, value);
          }
        });
    if (message.has("noteIds")) {
      message.set("noteIds", JsonNodeFactory.instance.arrayNode().add(elsewhere.noteId()));
    }
    if (message.has("changeId")) {
      message.put("changeId", "x-" + prefix + "-" + (++counter));
    }
    return JsonPaths.write(message);
  }

  private Attempt randomValue() {
    Example example = pick(EXAMPLES);
    List<List<Object>> fields = JsonPaths.fields(example.message(), List.of());
    if (fields.isEmpty()) {
      return new Attempt("random_value", example.frame(), false, Expect.ANY);
    }
    List<Object> path = pick(fields);
    ObjectNode message = JsonPaths.replaced(example.message(), path, junk.json(3));
    return new Attempt("random_value", JsonPaths.write(message), false, Expect.ANY);
  }

  /** An unknown field nesting deeper than the codec reads (ER1), lists and objects mixed. */
  private Attempt nested() {
    ObjectNode message = pick(EXAMPLES).message().deepCopy();
    int depth = ProtocolCodec.MAX_DEPTH + 1 + random.nextInt(2_000);
    StringBuilder opening = new StringBuilder();
    StringBuilder closing = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      boolean list = random.nextBoolean();
      opening.append(list ? "[" : "{\"a\":");
      closing.insert(0, list ? "]" : "}");
    }
    message.put("zzDeep", "MARK");
    String frame = JsonPaths.write(message).replace("\"MARK\"", opening + "1" + closing);
    return new Attempt("deep_nesting", frame, false, Expect.REFUSED);
  }

  /** A string field longer than any cap of the protocol, up to what a frame may carry. */
  private Attempt longString() {
    Example example = pick(EXAMPLES.stream().filter(e -> stringPaths(e).size() > 0).toList());
    List<Object> path = pick(stringPaths(example));
    String text = junk.text(20_001 + random.nextInt(40_000));
    ObjectNode message = JsonPaths.replaced(example.message(), path, TextNode.valueOf(text));
    return new Attempt("long_string", JsonPaths.write(message), false, Expect.REFUSED);
  }

  private static List<List<Object>> stringPaths(Example example) {
    return JsonPaths.fields(example.message(), List.of()).stream()
        .filter(path -> JsonPaths.get(example.message(), path).isTextual())
        .toList();
  }

  private String unicodeNote() {
    String text = junk.oddText(1 + random.nextInt(60)); // valid: this note may apply
    ObjectNode note =
        fresh(
            EXAMPLES.stream()
                .filter(e -> e.type().equals("create_note"))
                .findFirst()
                .orElseThrow());
    if (note.has("set")) {
      ((ObjectNode) note.get("set")).put("text", text);
    } else {
      note.put("text", text);
    }
    return JsonPaths.write(note);
  }

  private Attempt binaryJunk() {
    byte[] bytes = new byte[1 + random.nextInt(2_000)];
    random.nextBytes(bytes);
    if (random.nextBoolean()) { // or a message whose UTF-8 is cut in the middle of a character
      byte[] text = ("{\"type\":\"create_note\",\"text\":\"é€😀").getBytes(StandardCharsets.UTF_8);
      bytes = java.util.Arrays.copyOf(text, text.length - 1 - random.nextInt(3));
    }
    return new Attempt(
        "binary_junk", new String(bytes, StandardCharsets.ISO_8859_1), true, Expect.REFUSED);
  }

  private Attempt oddNumber() {
    Example example = pick(EXAMPLES);
    List<List<Object>> numbers =
        JsonPaths.fields(example.message(), List.of()).stream()
            .filter(path -> JsonPaths.get(example.message(), path).isNumber())
            .toList();
    if (numbers.isEmpty()) {
      return new Attempt("odd_number", example.frame(), false, Expect.ANY);
    }
    String raw =
        pick(
            List.of(
                "-0",
                "1e-400",
                "0.1e1",
                "123456789012345678901234567890",
                "1E+2",
                "-1e400",
                "1e400",
                "9223372036854775808",
                "4.9e-324",
                "1" + "0".repeat(900)));
    return new Attempt(
        "odd_number", JsonPaths.withRaw(example.message(), pick(numbers), raw), false, Expect.ANY);
  }

  /** Above the 64 KiB a message may hold: the server closes with 1009 (or refuses it). */
  private Attempt hugeFrame() {
    ObjectNode note =
        pick(EXAMPLES.stream().filter(e -> e.type().equals("create_note")).toList())
            .message()
            .deepCopy();
    note.put("text", "h".repeat(70_000 + random.nextInt(60_000)));
    return new Attempt("huge_frame", JsonPaths.write(note), false, Expect.REFUSED);
  }

  private String hello(String workshopId, int protocol, String token) {
    ObjectNode hello = JsonNodeFactory.instance.objectNode();
    hello.put("type", "hello").put("protocol", protocol).put("workshopId", workshopId);
    if (token != null) {
      hello.put("token", token);
    } else {
      hello.put("displayName", "Fuzz " + random.nextInt(1000));
    }
    return JsonPaths.write(hello);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
