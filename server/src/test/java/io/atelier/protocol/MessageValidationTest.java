package io.atelier.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.atelier.testing.ExampleMutations;
import io.atelier.testing.ExampleMutations.Example;
import io.atelier.testing.ExampleMutations.Mutation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ER1, table-driven: every client message type, taken from the examples directory, with each of its
 * fields dropped, nulled, written twice, of the wrong JSON type, too long, too large, not finite,
 * an odd id, an unpaired surrogate, a list too long; and the frame truncated, nested too deep or
 * given an unknown type. Each is refused with {@code bad_message} or {@code unknown_type} and a
 * short message naming the field, or accepted where the protocol lets the field be left out.
 */
class MessageValidationTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  @DisplayName("ER1 the table covers every client message type, from the examples directory")
  void everyTypeIsMutated() {
    Set<String> declared =
        Arrays.stream(ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> mutated =
        ExampleMutations.clientExamples().stream()
            .filter(example -> !ExampleMutations.of(example).isEmpty())
            .map(Example::type)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(mutated).isEqualTo(declared);
  }

  @TestFactory
  @DisplayName(
      "ER1 every mutation of every client example is refused naming the field, or accepted")
  Stream<DynamicNode> everyMutation() {
    return ExampleMutations.clientExamples().stream()
        .map(
            example ->
                DynamicContainer.dynamicContainer(
                    example.file(),
                    ExampleMutations.of(example).stream()
                        .map(
                            mutation ->
                                DynamicTest.dynamicTest(
                                    mutation.toString(), () -> check(mutation)))));
  }

  @Test
  @DisplayName("ER1 frames that are not a message object are refused with bad_message")
  void notMessages() {
    for (String frame :
        List.of(
            "",
            " ",
            "null",
            "7",
            "\"hello\"",
            "[]",
            "{}",
            "{\"type\":null}",
            "{\"type\":{}}",
            "{",
            "}",
            "\u0000",
            "{\"type\":\"ping\",\"clientTime\":1,}",
            "{'type':'ping'}")) {
      ProtocolException refused =
          catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(frame));
      assertThat(refused).as("%s", frame).isNotNull();
      assertThat(refused.code()).as("%s", frame).isEqualTo("bad_message");
      assertThat(refused.getMessage()).as("%s", frame).isNotBlank();
    }
  }

  @Test
  @DisplayName("ER1 a field named twice names the field, nested ones by their path")
  void duplicates() {
    assertThat(
            catchThrowableOfType(
                    ProtocolException.class,
                    () ->
                        codec.decodeClient(
                            "{\"type\":\"update_note\",\"changeId\":\"c\",\"noteId\":\"n\","
                                + "\"set\":{\"x\":1,\"x\":2}}"))
                .getMessage())
        .isEqualTo("Field \"set.x\" appears twice.");
  }

  @Test
  @DisplayName(
      "TM2 ER1 a timer of more seconds than a long can multiply is refused, not wrapped around")
  void timerSecondsDoNotOverflow() {
    // 9,223,372,036,854,776 seconds are 2^63 + 192 milliseconds: the product wraps negative.
    assertThat(
            catchThrowableOfType(
                    ProtocolException.class,
                    () ->
                        codec.decodeClient(
                            "{\"type\":\"command_timer\",\"changeId\":\"c\",\"action\":\"start\","
                                + "\"seconds\":9223372036854776}"))
                .getMessage())
        .contains("seconds");
  }

  @Test
  @DisplayName("HS4 HS5 ER1 a hello's secrets are bounded and its lastRevision is not negative")
  void helloBounds() {
    String hello = "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\"w\",";
    for (String[] wrong :
        new String[][] {
          {"\"token\":\"" + "t".repeat(257) + "\"", "token"},
          {
            "\"displayName\":\"A\",\"facilitatorKey\":\"" + "k".repeat(257) + "\"", "facilitatorKey"
          },
          {"\"displayName\":\"A\",\"passcode\":\"" + "p".repeat(257) + "\"", "passcode"},
          {"\"displayName\":\"A\",\"lastRevision\":-1", "lastRevision"},
          {"\"token\":\"t\",\"displayName\":\"" + "n".repeat(41) + "\"", "displayName"}
        }) {
      ProtocolException refused =
          catchThrowableOfType(
              ProtocolException.class, () -> codec.decodeClient(hello + wrong[0] + "}"));
      assertThat(refused).as(wrong[1]).isNotNull();
      assertThat(names(refused.getMessage(), wrong[1])).as(refused.getMessage()).isTrue();
    }
    assertThatCode(
            () ->
                codec.decodeClient(
                    hello + "\"token\":\"" + "t".repeat(256) + "\",\"lastRevision\":0}"))
        .doesNotThrowAnyException();
  }

  private void check(Mutation mutation) {
    if (!mutation.refused()) {
      assertThatCode(() -> codec.decodeClient(mutation.frame()))
          .as("%s: %s", mutation, abbreviate(mutation.frame()))
          .doesNotThrowAnyException();
      return;
    }
    ProtocolException refused =
        catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(mutation.frame()));
    assertThat(refused)
        .as("%s was accepted: %s", mutation, abbreviate(mutation.frame()))
        .isNotNull();
    assertThat(refused.code()).isIn("bad_message", "unknown_type");
    String message = refused.getMessage();
    // Short, whatever was sent, and in the protocol's words, not a parser's.
    assertThat(message).isNotBlank().hasSizeLessThan(200);
    assertThat(message).doesNotContain("Exception", "jackson", "io.atelier", "Source:");
    if (mutation.field() != null) {
      assertThat(names(message, mutation.field()))
          .as("%s: \"%s\" should name %s", mutation, message, mutation.field())
          .isTrue();
    }
  }

  /** Whether the message names the field as a word (x in "view.x", not in "text"). */
  static boolean names(String message, String field) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(field) + "(?![A-Za-z0-9_])")
        .matcher(message)
        .find();
  }

  private static String abbreviate(String frame) {
    return frame.length() <= 300 ? frame : frame.substring(0, 300) + "…";
  }
}
