package io.atelier.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example files in docs/protocol/examples are the protocol's canonical messages; the browser
 * client's tests load the same files.
 */
class ProtocolExamplesTest {
  static final Path EXAMPLES = Path.of("..", "docs", "protocol", "examples");
  private final ProtocolCodec codec = new ProtocolCodec();

  @TestFactory
  @DisplayName("ER1 every client example decodes, validates and encodes back to the same JSON")
  Stream<DynamicTest> clientExamplesRoundTrip() {
    return examples("client")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String json = read(file);
                      ClientMessage message = codec.decodeClient(json);
                      assertSameJson(codec.encode(message), json);
                    }));
  }

  @TestFactory
  @DisplayName("every server example decodes and encodes back to the same JSON")
  Stream<DynamicTest> serverExamplesRoundTrip() {
    return examples("server")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String json = read(file);
                      assertSameJson(codec.encode(codec.decodeServer(json)), json);
                    }));
  }

  @TestFactory
  @DisplayName("ER1 every invalid example is refused with a code and a message naming the problem")
  Stream<DynamicTest> invalidExamplesAreRejected() {
    return examples("invalid")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () ->
                        assertThatThrownBy(() -> codec.decodeClient(read(file)))
                            .isInstanceOfSatisfying(
                                ProtocolException.class,
                                e -> {
                                  assertThat(e.code()).isIn("bad_message", "unknown_type");
                                  assertThat(e.getMessage()).isNotBlank();
                                })));
  }

  @Test
  @DisplayName("every message type of both directions has an example file")
  void everyTypeHasAnExample() {
    assertThat(exampleTypes("client")).isEqualTo(typeNames(ClientMessage.class));
    assertThat(exampleTypes("server")).isEqualTo(typeNames(ServerMessage.class));
  }

  @Test
  @DisplayName("ER1 an unknown type is named in the error, a missing field is named too")
  void errorsNameTheProblem() {
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"paint_wall\"}"))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.code()).isEqualTo("unknown_type");
              assertThat(e.getMessage()).contains("paint_wall");
            });
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"delete_note\",\"noteId\":\"n\"}"))
        .hasMessageContaining("changeId");
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"sync\",\"lastRevision\":\"4\"}"))
        .hasMessageContaining("lastRevision");
  }

  private static Set<String> typeNames(Class<?> sealed) {
    Set<String> names = new TreeSet<>();
    var subTypes = sealed.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
    for (var type : subTypes.value()) {
      names.add(type.name());
    }
    return names;
  }

  private Set<String> exampleTypes(String folder) {
    Set<String> names = new TreeSet<>();
    examples(folder)
        .forEach(
            file -> {
              try {
                names.add(codec.mapper().readTree(read(file)).get("type").asText());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return names;
  }

  static Stream<Path> examples(String folder) {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve(folder))) {
      List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(sorted).isNotEmpty();
      return sorted.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertSameJson(String actual, String expected) throws IOException {
    JsonNode a = codec.mapper().readTree(actual);
    JsonNode e = codec.mapper().readTree(expected);
    Comparator<JsonNode> numbersByValue =
        (x, y) -> {
          if (x instanceof NumericNode && y instanceof NumericNode) {
            return Double.compare(x.doubleValue(), y.doubleValue());
          }
          return x.equals(y) ? 0 : 1;
        };
    assertThat(a.equals(numbersByValue, e)).as("%s%n  vs expected%n%s", actual, expected).isTrue();
  }
}
