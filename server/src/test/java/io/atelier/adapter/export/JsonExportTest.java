package io.atelier.adapter.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.ImageRules;
import io.atelier.domain.Language;
import io.atelier.domain.Participant;
import io.atelier.domain.RoundTable;
import io.atelier.domain.Vote;
import io.atelier.domain.WorkshopContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON export (EX1) and its strict reader (EX2). */
class JsonExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EXPORTED = Instant.ofEpochMilli(1_765_000_000_000L);

  private static String written() {
    return JsonExport.write(RichWorkshop.export(Language.FR), EXPORTED);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(written());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("EX1 JSON: format, version, exportedAt, the workshop and every part of its content")
  void document() throws Exception {
    JsonNode root = JSON.readTree(written());
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "format",
            "version",
            "exportedAt",
            "workshop",
            "participants",
            "canvases",
            "groups",
            "roles",
            "agenda",
            "progress",
            "timer",
            "roundTable",
            "remote",
            "membership",
            "privacy",
            "clusters",
            "votes",
            "notes",
            "images");
    assertThat(root.get("format").asText()).isEqualTo("atelier-export");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("exportedAt").asLong()).isEqualTo(EXPORTED.toEpochMilli());
    assertThat(root.get("workshop").toString())
        .isEqualTo(
            "{\"title\":\"Atelier MSC : « Plateformes » d'hiver\",\"language\":\"fr\","
                + "\"createdAt\":"
                + RichWorkshop.CREATED
                + "}");
    assertThat(root.get("participants").get(1).toString())
        .isEqualTo(
            "{\"id\":\"p-ben\",\"name\":\"Ben *Tremblay\",\"color\":\"#1971c2\"}"
                .replace("Tremblay\"", "Tremblay*\""));
    assertThat(root.get("notes")).hasSize(RichWorkshop.notes().size());
    assertThat(root.get("notes").get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "canvasId",
            "x",
            "y",
            "width",
            "height",
            "text",
            "color",
            "z",
            "createdBy",
            "createdAt",
            "locked");
    assertThat(root.get("groups").toString())
        .isEqualTo("{\"p-ana\":\"c-a\",\"p-ben\":\"c-a\",\"p-elo\":\"main\"}");
    assertThat(root.get("progress").get("currentStepId").asText()).isEqualTo("s-2");
    assertThat(root.get("timer").toString())
        .isEqualTo(
            "{\"status\":\"paused\",\"durationMs\":600000,\"deadline\":null,\"remainingMs\":420000}");
    assertThat(root.get("images").isArray()).isTrue();
    assertThat(root.get("images")).isEmpty();
  }

  @Test
  @DisplayName("EX1 JSON: never a token hash, a token or a facilitator key")
  void noSecrets() {
    String text = written();
    for (Participant participant : RichWorkshop.participants()) {
      assertThat(text).doesNotContain(participant.tokenHash());
    }
    assertThat(text).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("key");
  }

  @Test
  @DisplayName("EX2 JSON: the reader gives back the content the writer was given")
  void roundTrip() {
    WorkshopExport original = RichWorkshop.export(Language.FR);
    WorkshopExport read = JsonImport.read(bytes(written()));
    assertThat(read.title()).isEqualTo(original.title());
    assertThat(read.language()).isEqualTo(Language.FR);
    assertThat(read.createdAt()).isEqualTo(RichWorkshop.CREATED);
    WorkshopContent expected =
        new WorkshopContent(
            original.content().participants().stream()
                .map(p -> new Participant(p.id(), p.name(), p.color(), JsonImport.UNCLAIMED))
                .toList(),
            original.content().notes(),
            original.content().facilitation());
    assertThat(read.content()).isEqualTo(expected);
    // Written again, it is the same document.
    assertThat(JsonExport.write(read, EXPORTED)).isEqualTo(written());
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        bad("another version", root -> root.put("version", 2), "Export version 2 is not supported"),
        bad("another format", root -> root.put("format", "miro"), "not an Atelier export"),
        bad("a missing field", root -> root.remove("timer"), "timer is missing"),
        bad("an unknown field", root -> root.put("secret", 1), "unknown field \"secret\""),
        bad(
            "an unknown field in a note",
            root -> note(root).put("deleted", true),
            "notes[0] has an unknown field \"deleted\""),
        bad("a wrong type", root -> note(root).put("x", "10"), "notes[0].x must be a number"),
        bad(
            "a value the domain refuses",
            root -> note(root).put("color", "black"),
            "notes[0]: color must be one of"),
        bad(
            "a coordinate out of range",
            root -> note(root).put("x", 1e9),
            "notes[0]: x must be a finite number"),
        bad(
            "a note of a canvas that is not there",
            root -> note(root).put("canvasId", "ghost"),
            "is on ghost, which is not in the workshop"),
        bad(
            "a note by nobody",
            root -> note(root).put("createdBy", "p-ghost"),
            "was written by p-ghost"),
        bad(
            "a group of a canvas that is not there",
            root -> ((ObjectNode) root.get("groups")).put("p-ana", "ghost"),
            "is in the group of ghost"),
        bad(
            "two notes with one id",
            root -> ((ArrayNode) root.get("notes")).add(note(root).deepCopy()),
            "two notes have the id n-gov"),
        bad(
            "a current step not in the agenda",
            root -> ((ObjectNode) root.get("progress")).put("currentStepId", "s-9"),
            "the current step is s-9"),
        bad(
            "a participant colour that is not a colour",
            root ->
                ((ObjectNode) root.get("participants").get(0))
                    .put("color", "red;background:url(x)"),
            "participants[0].color must be a colour"),
        bad(
            "a speaking order naming someone not in the workshop",
            root -> ((ArrayNode) root.get("roundTable").get("order")).add("p-ghost"),
            "the speaking order names p-ghost"),
        bad(
            "a round table with a field of another format",
            root -> ((ObjectNode) root.get("roundTable")).put("speaker", "p-ana"),
            "roundTable has an unknown field"),
        bad(
            "a remote person not in the workshop",
            root -> ((ArrayNode) root.get("remote")).add("p-ghost"),
            "the remote people name p-ghost"),
        bad(
            "a cluster holding a note of another canvas",
            root -> cluster(root).withArray("noteIds").add("n-ins"),
            "cluster k-1 holds note n-ins of another canvas"),
        bad(
            "a cluster holding a note that is not there",
            root -> cluster(root).withArray("noteIds").add("n-ghost"),
            "cluster k-1 holds n-ghost"),
        bad(
            "a note in two clusters",
            root ->
                ((ArrayNode) root.get("clusters"))
                    .add(cluster(root).deepCopy().put("id", "k-2").put("title", "Encore")),
            "note n-res is in two clusters"),
        bad(
            "a cluster without notes",
            root -> cluster(root).putArray("noteIds"),
            "clusters[0]: noteIds must name at least one note"),
        bad(
            "a lock that is not a flag",
            root -> ((ObjectNode) root.get("canvases").get(1)).put("locked", "yes"),
            "canvases[1].locked must be"),
        bad(
            "a vote on a canvas that is not there",
            root -> ((ObjectNode) root.get("votes").get(0)).put("canvasId", "ghost"),
            "vote v-main is on ghost"),
        bad(
            "a vote with more dots than 20",
            root -> ((ObjectNode) root.get("votes").get(0)).put("dotsPerPerson", 21),
            "votes[0]: dotsPerPerson must be between 1 and 20"),
        bad(
            "a dot given by someone not in the workshop",
            root ->
                ((ObjectNode) root.get("votes").get(0).get("dots").get(0))
                    .put("participantId", "p-ghost"),
            "a dot was given by p-ghost"),
        bad(
            "a blank title",
            root -> ((ObjectNode) root.get("workshop")).put("title", " "),
            "title is required"),
        bad(
            "an image without its bytes",
            root -> ((ArrayNode) root.get("images")).addObject().put("id", "x"),
            "images[0]"),
        bad(
            "an image whose bytes are not a PNG",
            root ->
                ((ArrayNode) root.get("images"))
                    .addObject()
                    .put("id", ImageRules.idOf(new byte[] {1, 2, 3}))
                    .put("contentType", "image/png")
                    .put(
                        "data", java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})),
            "image/png"),
        bad(
            "a running timer without deadline",
            root -> ((ObjectNode) root.get("timer")).put("status", "running"),
            "timer: a running timer has a deadline"),
        bad(
            "no canvas",
            root -> {
              ((ArrayNode) root.get("canvases")).removeAll();
              ((ArrayNode) root.get("notes")).removeAll();
              ((ObjectNode) root.get("groups")).removeAll();
            },
            "at least one canvas"));
  }

  private static Arguments bad(String what, Consumer<ObjectNode> breakIt, String message) {
    ObjectNode root = tree();
    breakIt.accept(root);
    return Arguments.of(what, root.toString(), message);
  }

  private static ObjectNode note(ObjectNode root) {
    return (ObjectNode) root.get("notes").get(0);
  }

  private static ObjectNode cluster(ObjectNode root) {
    return (ObjectNode) root.get("clusters").get(0);
  }

  @Test
  @DisplayName("EX2 LK1 LK2 CL1 JSON: locks and clusters travel; an export from before has none")
  void locksAndClusters() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    assertThat(root.get("clusters").toString())
        .isEqualTo(
            "[{\"id\":\"k-1\",\"canvasId\":\"main\",\"title\":\"=Ce qui nous *tient*\","
                + "\"noteIds\":[\"n-res\",\"n-gov\"]}]");
    assertThat(root.get("canvases").findValuesAsText("locked"))
        .containsExactly("false", "true", "false");
    assertThat(root.get("notes").findValuesAsText("locked")).containsOnlyOnce("true");
    root.remove("clusters");
    root.get("canvases").forEach(canvas -> ((ObjectNode) canvas).remove("locked"));
    root.get("notes").forEach(note -> ((ObjectNode) note).remove("locked"));
    WorkshopExport read = JsonImport.read(root.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(read.content().facilitation().clusters()).isEmpty();
    assertThat(read.content().facilitation().canvases()).noneMatch(c -> c.locked());
    assertThat(read.content().notes()).noneMatch(n -> n.locked());
  }

  @Test
  @DisplayName("EX2 JSON: an export from before round tables imports with an empty one")
  void exportWithoutRoundTable() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    root.remove("roundTable");
    WorkshopExport read = JsonImport.read(root.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(read.content().facilitation().roundTable()).isEqualTo(RoundTable.EMPTY);
  }

  @Test
  @DisplayName("EX2 AT1 JSON: who is remote travels; an export from before AT1 names nobody")
  void remotePeople() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    assertThat(root.get("remote").toString()).isEqualTo("[\"" + RichWorkshop.BEN.value() + "\"]");
    root.remove("remote");
    WorkshopExport read = JsonImport.read(root.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(read.content().facilitation().remote()).isEmpty();
  }

  @Test
  @DisplayName(
      "EX1 EX2 DV4 JSON: votes travel with their results; a secret vote's dots never leave;"
          + " an export from before dot voting has none")
  void votes() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    JsonNode main = root.get("votes").get(0);
    assertThat(main.get("dots")).hasSize(7);
    assertThat(main.get("results").get(0).toString())
        .isEqualTo("{\"noteId\":\"n-com\",\"dots\":3,\"voters\":2,\"rank\":1}");
    assertThat(root.get("votes").get(1).get("secret").asBoolean()).isTrue();

    Vote closed = RichWorkshop.votes().get(0); // the closed vote on main, made secret
    Vote secret =
        new Vote(
            closed.id(),
            closed.canvasId(),
            null,
            closed.dotsPerPerson(),
            null,
            true,
            closed.openedAt(),
            closed.closedAt(),
            closed.noteIds(),
            closed.dots(),
            closed.results());
    WorkshopContent rich = RichWorkshop.content();
    FacilitationState a = rich.facilitation();
    FacilitationState withSecret = a.withVotes(List.of(secret));
    String document =
        JsonExport.write(
            new WorkshopExport(
                "Secret",
                Language.FR,
                RichWorkshop.CREATED,
                new WorkshopContent(rich.participants(), rich.notes(), withSecret)),
            EXPORTED);
    JsonNode exported = JSON.readTree(document).get("votes").get(0);
    assertThat(exported.get("dots")).isEmpty();
    assertThat(exported.get("results")).hasSize(7);
    Vote read = JsonImport.read(bytes(document)).content().facilitation().votes().get(0);
    assertThat(read.dots()).isEmpty();
    assertThat(read.results()).isEqualTo(secret.results());

    root.remove("votes");
    WorkshopExport old = JsonImport.read(root.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(old.content().facilitation().votes()).isEmpty();
  }

  @ParameterizedTest(name = "EX2 JSON: refuses {0}")
  @MethodSource("broken")
  void refuses(String what, String document, String message) {
    assertThatThrownBy(() -> JsonImport.read(bytes(document)))
        .isInstanceOf(BadExportException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("EX2 JSON: refuses what is not JSON, empty input, duplicate keys and trailing data")
  void refusesMalformed() {
    for (String text :
        List.of(
            "",
            "not json",
            "[]",
            "{}",
            "{\"format\":\"atelier-export\",\"format\":\"atelier-export\",\"version\":1}",
            written() + " {}")) {
      assertThatThrownBy(() -> JsonImport.read(bytes(text)))
          .as(text.length() > 40 ? text.substring(0, 40) : text)
          .isInstanceOf(BadExportException.class)
          .hasMessageNotContaining("Exception");
    }
  }
}
