package io.atelier.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.domain.Access;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Checkpoint;
import io.atelier.domain.Cluster;
import io.atelier.domain.Event;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Language;
import io.atelier.domain.Membership;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;
import io.atelier.domain.NotePosition;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Privacy;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import io.atelier.domain.Vote;
import io.atelier.domain.WorkshopContent;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stored format, pinned by literal documents: a change here is a change of the files. */
class JournalCodecTest {
  private final JournalCodec codec = new JournalCodec();
  private final ObjectMapper json = new ObjectMapper();

  private static final WorkshopFacts FACTS =
      new WorkshopFacts(new WorkshopId("w-1"), "Communs", Language.FR, "hash", 1700000000000L);
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final Note NOTE =
      new Note("n-1", -1.5, 2.25, 200, 140, "« é » 🌱", NoteColor.PINK, 3, ANA, false);

  private static final AgendaStep STEP =
      new AgendaStep("s-1", StepKind.TEXT, "Reconnaissance", "Nous sommes **ici**.", 5, null, null);
  private static final AgendaStep WALK =
      new AgendaStep("s-2", StepKind.CANVAS, "Exercice", "", 60, "msc", 10);
  private static final ParticipantId BO = new ParticipantId("p-bo");
  private static final RoundTable RUNNING_ROUND =
      new RoundTable(
          List.of(ANA, BO),
          List.of(new ParticipantId("p-cy")),
          90_000,
          10_000,
          100L,
          null,
          new RoundTable.Turn(BO, 200L, 90_000, 90_200L, null, 200L, 0, false),
          List.of(ANA),
          List.of(new RoundTable.SpokenTurn(ANA, 100L, 200L, 100, true, false)));
  private static final RoundTable PAUSED_ROUND =
      new RoundTable(
          List.of(ANA),
          List.of(),
          60_000,
          0,
          100L,
          null,
          new RoundTable.Turn(ANA, 100L, 90_000, null, -5_000L, null, 95_000, true),
          List.of(),
          List.of());
  private static final Cluster CLUSTER =
      new Cluster("k-1", "main", "Ce qui nous relie", List.of("n-1", "n-2"));
  private static final Vote CLOSED_VOTE =
      new Vote(
          "v-1",
          "main",
          Pillar.COMMUNITY,
          3,
          2,
          false,
          10L,
          20L,
          List.of("n-1", "n-2"),
          List.of(new Vote.Dots(ANA, "n-1", 2), new Vote.Dots(BO, "n-2", 1)),
          List.of(new Vote.Result("n-1", 2, 1, 1), new Vote.Result("n-2", 1, 1, 2)));
  private static final Vote OPEN_VOTE =
      Vote.opened("v-2", "c-b", null, 5, null, true, 30L, List.of("n-3"));
  private static final WorkshopContent CONTENT =
      new WorkshopContent(
          List.of(new Participant(ANA, "Ana", "#d9480f", "token-hash")),
          List.of(NOTE),
          new FacilitationState(
              List.of(
                  new Canvas("main", "Canevas MSC", "msc", 1L, false),
                  new Canvas("c-b", "Groupe B", "blank", 2L, true)),
              Map.of(ANA, "main"),
              List.of(new RoleMarker(ANA, Pillar.COMMUNITY, "")),
              List.of(STEP, WALK),
              new Progress("s-1", 3L, 3L, false, null),
              Timer.STOPPED,
              RUNNING_ROUND,
              List.of(ANA),
              new Membership(Map.of(ANA, Access.FACILITATOR), List.of(BO), true, "hash"),
              new Privacy(List.of("main"), List.of("c-b")),
              List.of(new Cluster("k-1", "main", "Ce qui nous relie", List.of("n-1"))),
              List.of(CLOSED_VOTE, OPEN_VOTE)));

  @Test
  @DisplayName("a stored note_created document decodes to its event and encodes back the same")
  void literalEventDocument() throws Exception {
    String stored =
        "{\"v\":1,\"type\":\"note_created\",\"revision\":7,\"changeId\":\"c-1\","
            + "\"participantId\":\"p-ana\",\"note\":{\"id\":\"n-1\",\"canvasId\":\"c-2\","
            + "\"x\":-1.5,\"y\":2.25,\"width\":200.0,\"height\":140.0,\"text\":\"« é » 🌱\","
            + "\"color\":\"pink\",\"z\":3,\"createdBy\":\"p-ana\",\"createdAt\":1700000000123,"
            + "\"deleted\":false}}";

    Event event = codec.decodeEvent(stored);

    Note note =
        new Note(
            "n-1",
            "c-2",
            -1.5,
            2.25,
            200,
            140,
            "« é » 🌱",
            NoteColor.PINK,
            3,
            ANA,
            1700000000123L,
            false);
    assertThat(event).isEqualTo(new Event.NoteCreated(7, "c-1", ANA, note));
    assertThat(json.readTree(codec.encodeEvent(event))).isEqualTo(json.readTree(stored));
  }

  @Test
  @DisplayName("NT7: a note stored before canvases existed sits on the first canvas")
  void noteFromBeforeCanvases() throws Exception {
    String stored =
        "{\"v\":1,\"type\":\"note_created\",\"revision\":7,\"changeId\":\"c-1\","
            + "\"participantId\":\"p-ana\",\"note\":{\"id\":\"n-1\",\"x\":-1.5,\"y\":2.25,"
            + "\"width\":200.0,\"height\":140.0,\"text\":\"« é » 🌱\",\"color\":\"pink\","
            + "\"z\":3,\"createdBy\":\"p-ana\",\"deleted\":false}}";

    Event event = codec.decodeEvent(stored);

    assertThat(event).isEqualTo(new Event.NoteCreated(7, "c-1", ANA, NOTE));
    assertThat(NOTE.canvasId()).isEqualTo(Canvas.FIRST_ID);
  }

  @Test
  @DisplayName("every event type is written with \"v\": 1 and its type name, and reads back equal")
  void everyEventType() throws Exception {
    List<Event> events =
        List.of(
            new Event.NoteCreated(1, "c-1", ANA, NOTE),
            new Event.NoteUpdated(
                2, "c-2", ANA, "n-1", new NotePatch(1.0, null, null, 300.0, "", null, null)),
            new Event.NoteUpdated(3, "c-3", ANA, "n-1", NotePatch.front(9)),
            new Event.NoteDeleted(4, "c-4", ANA, "n-1"),
            new Event.ParticipantJoined(5, new Participant(ANA, "Ana", "#d9480f", "token-hash")),
            new Event.PresenceChanged(6, ANA, false),
            new Event.CanvasCreated(
                7, "c-7", ANA, new Canvas("c-a", "Groupe A", "analyse-platform", 5L, false)),
            new Event.CanvasRenamed(8, "c-8", ANA, "c-a", "Groupe A · plateforme"),
            new Event.CanvasDeleted(9, "c-9", ANA, "c-a"),
            new Event.GroupAssigned(10, "c-10", ANA, ANA, "main"),
            new Event.GroupAssigned(11, "c-11", ANA, ANA, null),
            new Event.RoleSet(12, "c-12", ANA, Pillar.SHARING, "documente"),
            new Event.RoleSet(13, "c-13", ANA, Pillar.SHARING, null),
            new Event.AttendanceChanged(13, "c-13b", BO, ANA, true),
            new Event.AttendanceChanged(13, "c-13c", ANA, ANA, false),
            new Event.AccessChanged(13, "c-13d", ANA, BO, Access.FACILITATOR),
            new Event.AccessChanged(13, null, ANA, ANA, Access.OBSERVER),
            new Event.WorkshopLocked(13, "c-13e", ANA, true),
            new Event.PasscodeChanged(13, "c-13f", ANA, "hash-of-it"),
            new Event.PasscodeChanged(13, "c-13g", ANA, null),
            new Event.ParticipantRemoved(13, "c-13h", ANA, BO),
            new Event.CanvasPrivacyChanged(13, "c-13i", ANA, "main", true, false, List.of()),
            new Event.AgendaSet(14, "c-14", ANA, List.of(STEP, WALK)),
            new Event.ProgressChanged(
                15, "c-15", ANA, new Progress("s-2", 20L, 10L, true, Pillar.RESOURCES)),
            new Event.TimerChanged(
                16, "c-16", ANA, new Timer(Timer.Status.RUNNING, 600, 99L, null)),
            new Event.TimerChanged(
                17, "c-17", ANA, new Timer(Timer.Status.PAUSED, 600, null, 120L)),
            new Event.RoundTableChanged(18, "c-18", ANA, RUNNING_ROUND),
            new Event.RoundTableChanged(19, "c-19", BO, PAUSED_ROUND),
            new Event.RoundTableChanged(20, "c-20", ANA, RoundTable.EMPTY),
            new Event.ContentImported(21, CONTENT),
            new Event.CanvasLocked(22, "c-22", ANA, "main", true),
            new Event.NoteUpdated(23, "c-23", ANA, "n-1", NotePatch.lock(false)),
            new Event.ClusterChanged(24, "c-24", ANA, CLUSTER),
            new Event.ClusterMoved(
                25,
                "c-25",
                ANA,
                "k-1",
                10,
                -2.5,
                List.of(new NotePosition("n-1", 8.5, -0.25), new NotePosition("n-2", 10, 0))),
            new Event.ClusterDissolved(26, "c-26", ANA, "k-1"),
            new Event.VoteOpened(27, "c-27a", ANA, OPEN_VOTE),
            new Event.DotCast(27, "c-27b", BO, "c-b", "v-2", "n-3", true),
            new Event.DotCast(27, "c-27c", BO, "c-b", "v-2", "n-3", false),
            new Event.VoteClosed(27, "c-27d", ANA, "main", "v-1", 20L, CLOSED_VOTE.results()),
            new Event.VoteCleared(27, "c-27e", ANA, "main", "v-1"));
    List<String> types =
        List.of(
            "note_created",
            "note_updated",
            "note_updated",
            "note_deleted",
            "participant_joined",
            "presence_changed",
            "canvas_created",
            "canvas_renamed",
            "canvas_deleted",
            "group_assigned",
            "group_assigned",
            "role_set",
            "role_set",
            "attendance_changed",
            "attendance_changed",
            "access_changed",
            "access_changed",
            "workshop_locked",
            "passcode_changed",
            "passcode_changed",
            "participant_removed",
            "canvas_privacy_changed",
            "agenda_set",
            "progress_changed",
            "timer_changed",
            "timer_changed",
            "round_table_changed",
            "round_table_changed",
            "round_table_changed",
            "content_imported",
            "canvas_locked",
            "note_updated",
            "cluster_changed",
            "cluster_moved",
            "cluster_dissolved",
            "vote_opened",
            "dot_cast",
            "dot_cast",
            "vote_closed",
            "vote_cleared");
    for (int i = 0; i < events.size(); i++) {
      String stored = codec.encodeEvent(events.get(i));
      assertThat(json.readTree(stored).get("v").intValue()).isEqualTo(1);
      assertThat(json.readTree(stored).get("type").textValue()).isEqualTo(types.get(i));
      assertThat(codec.decodeEvent(stored)).isEqualTo(events.get(i));
    }
    assertThat(json.readTree(codec.encodeEvent(events.get(2))).get("set").toString())
        .isEqualTo("{\"z\":9}");
  }

  @Test
  @DisplayName("facts and checkpoints are written with \"v\": 1 and read back equal")
  void factsAndCheckpoint() throws Exception {
    Note tombstone = new Note("n-2", 0, 0, 40, 40, "", NoteColor.GREEN, 4, null, true);
    Checkpoint checkpoint =
        new Checkpoint(
            FACTS,
            12,
            4,
            List.of(NOTE, tombstone),
            List.of(new Participant(ANA, "Ana", "#d9480f", "token-hash")),
            List.of(new Checkpoint.AppliedChange("c-1", 1), new Checkpoint.AppliedChange("c-2", 5)),
            CONTENT.facilitation());

    String facts = codec.encodeFacts(FACTS);
    String stored = codec.encodeCheckpoint(checkpoint);

    assertThat(json.readTree(facts).get("v").intValue()).isEqualTo(1);
    assertThat(json.readTree(stored).get("v").intValue()).isEqualTo(1);
    assertThat(codec.decodeFacts(facts)).isEqualTo(FACTS);
    assertThat(codec.decodeCheckpoint(stored)).isEqualTo(checkpoint);
  }

  @Test
  @DisplayName("RT8 a checkpoint written before the round table existed reads with an empty one")
  void checkpointFromBeforeTheRoundTable() throws Exception {
    Checkpoint checkpoint =
        new Checkpoint(FACTS, 3, 0, List.of(), List.of(), List.of(), CONTENT.facilitation());
    var stored =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(codec.encodeCheckpoint(checkpoint));
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored.get("facilitation"))
        .remove("roundTable");

    Checkpoint read = codec.decodeCheckpoint(stored.toString());

    assertThat(read.facilitation().roundTable()).isEqualTo(RoundTable.EMPTY);
    assertThat(read.facilitation().timer()).isEqualTo(Timer.STOPPED);
  }

  @Test
  @DisplayName("DV a stored dot_cast document decodes to its event and encodes back the same")
  void storedDotCast() throws Exception {
    String stored =
        "{\"v\":1,\"revision\":9,\"changeId\":\"c-9\",\"type\":\"dot_cast\","
            + "\"participantId\":\"p-bo\",\"canvasId\":\"main\",\"voteId\":\"v-1\","
            + "\"noteId\":\"n-1\",\"placed\":true}";
    Event event = codec.decodeEvent(stored);
    assertThat(event).isEqualTo(new Event.DotCast(9, "c-9", BO, "main", "v-1", "n-1", true));
    assertThat(json.readTree(codec.encodeEvent(event))).isEqualTo(json.readTree(stored));
  }

  @Test
  @DisplayName(
      "DV CL1 PW a checkpoint written before dot voting, clusters and private writing reads with"
          + " none of them")
  void checkpointFromBeforeVotes() throws Exception {
    Checkpoint checkpoint =
        new Checkpoint(FACTS, 3, 0, List.of(), List.of(), List.of(), CONTENT.facilitation());
    var stored =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(codec.encodeCheckpoint(checkpoint));
    var facilitation = (com.fasterxml.jackson.databind.node.ObjectNode) stored.get("facilitation");
    assertThat(facilitation.has("votes")).isTrue();
    assertThat(facilitation.has("clusters")).isTrue();
    facilitation.remove("votes");
    facilitation.remove("clusters");
    facilitation.remove("privacy");

    Checkpoint read = codec.decodeCheckpoint(stored.toString());

    assertThat(read.facilitation().votes()).isEmpty();
    assertThat(read.facilitation().clusters()).isEmpty();
    assertThat(read.facilitation().privacy()).isEqualTo(Privacy.NONE);
    assertThat(read.facilitation().canvases()).isEqualTo(CONTENT.facilitation().canvases());
  }

  @Test
  @DisplayName(
      "LK1 LK2 CL1 stored locks and clusters: literal documents, and older ones read as none")
  void locksAndClusters() throws Exception {
    String lockedNote =
        "{\"v\":1,\"type\":\"note_created\",\"revision\":7,\"changeId\":\"c-1\","
            + "\"participantId\":\"p-ana\",\"note\":{\"id\":\"n-1\",\"canvasId\":\"main\","
            + "\"x\":0.0,\"y\":0.0,\"width\":200.0,\"height\":140.0,\"text\":\"\","
            + "\"color\":\"pink\",\"z\":3,\"createdBy\":\"p-ana\",\"createdAt\":5,"
            + "\"deleted\":false,\"locked\":true}}";
    Event event = codec.decodeEvent(lockedNote);
    assertThat(((Event.NoteCreated) event).note().locked()).isTrue();
    assertThat(json.readTree(codec.encodeEvent(event))).isEqualTo(json.readTree(lockedNote));

    String moved =
        "{\"v\":1,\"type\":\"cluster_moved\",\"revision\":9,\"changeId\":\"c-9\","
            + "\"participantId\":\"p-ana\",\"clusterId\":\"k-1\",\"dx\":10.0,\"dy\":-2.5,"
            + "\"positions\":[{\"noteId\":\"n-1\",\"x\":10.0,\"y\":-2.5}]}";
    assertThat(codec.decodeEvent(moved))
        .isEqualTo(
            new Event.ClusterMoved(
                9, "c-9", ANA, "k-1", 10, -2.5, List.of(new NotePosition("n-1", 10, -2.5))));
    assertThat(json.readTree(codec.encodeEvent(codec.decodeEvent(moved))))
        .isEqualTo(json.readTree(moved));

    Checkpoint checkpoint =
        new Checkpoint(FACTS, 3, 0, List.of(), List.of(), List.of(), CONTENT.facilitation());
    var stored =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(codec.encodeCheckpoint(checkpoint));
    assertThat(stored.get("facilitation").get("canvases").get(0).has("locked"))
        .as("an unlocked canvas is written as before LK1")
        .isFalse();
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored.get("facilitation"))
        .remove("clusters");
    assertThat(codec.decodeCheckpoint(stored.toString()).facilitation().clusters()).isEmpty();
  }

  @Test
  @DisplayName(
      "a document of another format version, or with a field of the wrong type, is refused")
  void strictDecoding() {
    String newer = codec.encodeFacts(FACTS).replace("\"v\":1", "\"v\":2");
    assertThatThrownBy(() -> codec.decodeFacts(newer))
        .isInstanceOf(JournalCodec.UndecodableException.class)
        .hasMessageContaining("version 2");
    String wrongType = codec.encodeFacts(FACTS).replace("1700000000000", "\"1700000000000\"");
    assertThatThrownBy(() -> codec.decodeFacts(wrongType))
        .isInstanceOf(JournalCodec.UndecodableException.class)
        .hasMessageContaining("createdAt");
    assertThatThrownBy(() -> codec.decodeEvent("{\"v\":1,\"type\":\"note_deleted\"}"))
        .isInstanceOf(JournalCodec.UndecodableException.class);
  }
}
