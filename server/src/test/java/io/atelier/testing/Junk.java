package io.atelier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** Random text and JSON for the fuzz test, odd Unicode included, from the {@link Random} given. */
public final class Junk {
  private static final String ODD_UNICODE =
      "\u202e\u200b\u200d\u0301\ufeff\u0000\u00e9e\u0301\ud83d\udc69\u200d\ud83d\udc69\u200d"
          + "\ud83d\udc67\ud800\udc00\u2028\u2029\uffff\ufffd\u00ad\u0644\u0627 \u4e2d\u6587 \t\n";

  private final Random random;

  public Junk(Random random) {
    this.random = random;
  }

  /** Text, JSON of any shape, or an object whose type no server knows: never a message. */
  public String frame() {
    return switch (random.nextInt(5)) {
      case 0 -> text(random.nextInt(300));
      case 1 -> JsonPaths.write(json(4)).replaceFirst("^\\{", "[{") + "]";
      case 2 ->
          "{\"type\":\""
              + text(1 + random.nextInt(40)).replace("\"", "").replace("\\", "")
              + "-zz\"}";
      case 3 -> "{\"type\":" + JsonPaths.write(json(2)).replace("\"type\"", "\"t\"") + "}";
      default -> "{\"type\":\"ping\",\"clientTime\":" + random.nextInt() + ",}"; // a trailing comma
    };
  }

  public JsonNode json(int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (random.nextInt(depth <= 0 ? 6 : 8)) {
      case 0 -> nodes.nullNode();
      case 1 -> nodes.booleanNode(random.nextBoolean());
      case 2 -> nodes.numberNode(random.nextLong());
      case 3 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 10));
      case 4 -> nodes.textNode(text(random.nextInt(80)));
      case 5 -> nodes.textNode(pick(List.of("", "NaN", "Infinity", "main", "yellow", "n-t7f3k-1")));
      case 6 -> {
        ArrayNode list = nodes.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(json(depth - 1));
        }
        yield list;
      }
      default -> {
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(pick(List.of("x", "type", "id", "set", "view", "a" + i)), json(depth - 1));
        }
        yield object;
      }
    };
  }

  public String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> (char) (' ' + random.nextInt(95));
            case 1 -> ODD_UNICODE.charAt(random.nextInt(ODD_UNICODE.length()));
            case 2 -> (char) random.nextInt(0x3000);
            default -> (char) ('a' + random.nextInt(26));
          });
    }
    return text.toString();
  }

  /** Text of odd characters (direction marks, joiners, NUL, emoji) that is valid Unicode. */
  public String oddText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(ODD_UNICODE.length());
      char c = ODD_UNICODE.charAt(at);
      if (Character.isHighSurrogate(c) && at + 1 < ODD_UNICODE.length()) {
        text.append(c).append(ODD_UNICODE.charAt(at + 1)); // pairs stay whole
      } else if (!Character.isSurrogate(c)) {
        text.append(c);
      }
    }
    return text.toString();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
