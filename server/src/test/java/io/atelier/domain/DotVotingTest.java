package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.Outcome.Applied;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dot voting as the model decides it (DV1 to DV5), with no network. */
class DotVotingTest {
  private static final String KEY = "key";
  private static final WorkshopFacts FACTS =
      new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, Secrets.hash(KEY), 7);

  /** The MSC canvas's zones as templates/msc.json lists them: the values centre first. */
  private static final CanvasTemplate MSC =
      new CanvasTemplate(
          "msc",
          List.of(
              new Zone("values", Optional.empty(), -300, -200, 600, 400),
              new Zone("community", Optional.of(Pillar.COMMUNITY), -600, -400, 1200, 800),
              new Zone("coproduction", Optional.of(Pillar.COPRODUCTION), -1200, -800, 2400, 400),
              new Zone("resources", Optional.of(Pillar.RESOURCES), -1200, 400, 2400, 400)));

  private final WorkshopState state = new WorkshopState(FACTS);
  private final List<Event> events = new ArrayList<>();
  private int changes;
  private long clock = 1_000;
  private final ParticipantId host = enter("p-host", KEY);
  private final ParticipantId ana = enter("p-ana", null);
  private final ParticipantId ben = enter("p-ben", null);

  private ParticipantId enter(String id, String key) {
    var admitted =
        (Admission.Admitted)
            state.enter(
                Secrets.hash("t-" + id),
                new WorkshopState.Newcomer(new ParticipantId(id), id),
                "c-" + id,
                key == null ? null : Secrets.hash(key),
                null);
    events.addAll(admitted.events());
    return admitted.participant().id();
  }

  private Outcome tryApply(ParticipantId author, Change change) {
    Outcome outcome = state.apply(author, change, false, clock++);
    if (outcome instanceof Applied applied) {
      events.add(applied.event());
    }
    return outcome;
  }

  private Applied apply(ParticipantId author, Change change) {
    Outcome outcome = tryApply(author, change);
    assertThat(outcome).as("%s", outcome).isInstanceOf(Applied.class);
    return (Applied) outcome;
  }

  private RejectionCode refused(ParticipantId author, Change change) {
    Outcome outcome = tryApply(author, change);
    assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).code();
  }

  private String id() {
    return "c-" + ++changes;
  }

  /** A note whose centre is at (cx, cy). */
  private void note(ParticipantId author, String noteId, double cx, double cy) {
    apply(
        author,
        new Change.CreateNote(
            id(), noteId, "main", cx - 100, cy - 70, 200, 140, noteId, NoteColor.YELLOW));
  }

  private Change.OpenVote open(
      String voteId, Pillar pillar, int dots, Integer max, boolean secret) {
    return new Change.OpenVote(id(), voteId, "main", pillar, dots, max, secret, List.of(MSC));
  }

  private Change place(String voteId, String noteId) {
    return new Change.CastDot(id(), voteId, noteId, true);
  }

  private Change remove(String voteId, String noteId) {
    return new Change.CastDot(id(), voteId, noteId, false);
  }

  private Vote vote() {
    return state.checkpoint().facilitation().votes().get(0);
  }

  @Test
  @DisplayName(
      "DV1 the facilitator opens a vote on a canvas: its ballot is the live notes there, oldest"
          + " first; a participant is refused")
  void openOnCanvas() {
    note(ana, "n-1", 0, 0);
    note(ben, "n-2", 0, 600);
    note(ana, "n-gone", 500, 500);
    apply(ana, new Change.DeleteNote(id(), "n-gone"));

    assertThat(refused(ana, open("v-1", null, 3, null, false)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    Applied opened = apply(host, open("v-1", null, 3, null, false));

    Vote vote = ((Event.VoteOpened) opened.event()).vote();
    assertThat(vote.noteIds()).containsExactly("n-1", "n-2");
    assertThat(vote.open()).isTrue();
    assertThat(vote.openedAt()).isEqualTo(clock - 1);
    assertThat(opened.visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  @DisplayName(
      "DV1 a vote on a pillar takes the notes whose centre is in its zone, the first listed zone"
          + " winning (CV5)")
  void openOnPillar() {
    note(ana, "n-community", -500, 0);
    note(ana, "n-values", 0, 0); // inside community's rectangle, but the values centre wins
    note(ana, "n-resources", 0, 600);

    Applied opened = apply(host, open("v-1", Pillar.COMMUNITY, 3, null, false));

    assertThat(((Event.VoteOpened) opened.event()).vote().noteIds()).containsExactly("n-community");
    assertThat(((Event.VoteOpened) opened.event()).vote().pillar()).isEqualTo(Pillar.COMMUNITY);
  }

  @Test
  @DisplayName(
      "DV1 settings: 1 to 20 dots, a limit per note from 1 to the dots; refused: no zone for the"
          + " pillar, an unknown or private canvas, a second open vote, an id in use")
  void openRefusals() {
    assertThatThrownBy(() -> open("v", null, 0, null, false))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> open("v", null, 21, null, false))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> open("v", null, 3, 4, false))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> open("v", null, 3, 0, false))
        .isInstanceOf(InvalidValueException.class);

    assertThat(refused(host, open("v-1", Pillar.SHARING, 3, null, false)))
        .as("the layout given has no sharing zone")
        .isEqualTo(RejectionCode.NO_PILLAR_ZONE);
    apply(host, new Change.CreateCanvas(id(), "c-blank", "blank", "Vierge"));
    assertThat(
            refused(
                host,
                new Change.OpenVote(
                    id(), "v-2", "c-blank", Pillar.COMMUNITY, 3, null, false, List.of(MSC))))
        .isEqualTo(RejectionCode.NO_PILLAR_ZONE);
    assertThat(
            refused(
                host, new Change.OpenVote(id(), "v-2", "c-none", null, 3, null, false, List.of())))
        .isEqualTo(RejectionCode.UNKNOWN_CANVAS);
    apply(host, new Change.SetCanvasPrivacy(id(), "c-blank", true, false));
    assertThat(
            refused(
                host, new Change.OpenVote(id(), "v-2", "c-blank", null, 3, null, false, List.of())))
        .isEqualTo(RejectionCode.PRIVATE_CANVAS);

    apply(host, open("v-1", null, 3, null, false));
    assertThat(refused(host, open("v-9", null, 3, null, false))).isEqualTo(RejectionCode.VOTE_OPEN);
    apply(host, new Change.CreateCanvas(id(), "c-2", "msc", "Deux"));
    assertThat(
            refused(host, new Change.OpenVote(id(), "v-1", "c-2", null, 3, null, false, List.of())))
        .isEqualTo(RejectionCode.VOTE_EXISTS);
    apply(host, new Change.OpenVote(id(), "v-2", "c-2", null, 3, null, false, List.of()));
    assertThat(state.checkpoint().facilitation().votes()).hasSize(2);
  }

  @Test
  @DisplayName(
      "DV2 each person places at most their dots, at most the limit on one note, only on notes of"
          + " the ballot, and takes back only their own")
  void dotLimits() {
    note(ana, "n-1", 0, 0);
    note(ana, "n-2", 0, 600);
    apply(host, open("v-1", null, 3, 2, false));
    note(ana, "n-late", 500, 500);

    apply(ana, place("v-1", "n-1"));
    apply(ana, place("v-1", "n-1"));
    assertThat(refused(ana, place("v-1", "n-1"))).isEqualTo(RejectionCode.NOTE_LIMIT);
    apply(ana, place("v-1", "n-2"));
    assertThat(refused(ana, place("v-1", "n-2"))).isEqualTo(RejectionCode.NO_DOTS_LEFT);
    assertThat(refused(ana, place("v-1", "n-late"))).isEqualTo(RejectionCode.NOT_IN_VOTE);
    assertThat(refused(ana, place("v-other", "n-1"))).isEqualTo(RejectionCode.NO_VOTE);
    assertThat(refused(ben, remove("v-1", "n-1"))).isEqualTo(RejectionCode.NO_DOT);
    apply(ben, place("v-1", "n-1"));
    apply(host, place("v-1", "n-1")); // the facilitator votes too

    apply(ana, remove("v-1", "n-1"));
    apply(ana, place("v-1", "n-2"));
    assertThat(vote().dotsOn(ana, "n-1")).isEqualTo(1);
    assertThat(vote().dotsOn(ana, "n-2")).isEqualTo(2);
    assertThat(vote().dotsOn(ben, "n-1")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "DV2 a deleted note leaves the vote and gives its dots back; observers vote not (RO1)")
  void deletedNotesAndObservers() {
    note(ana, "n-1", 0, 0);
    note(ben, "n-2", 0, 600);
    apply(host, open("v-1", null, 2, null, false));
    apply(ana, place("v-1", "n-1"));
    apply(ana, place("v-1", "n-1"));
    assertThat(refused(ana, place("v-1", "n-2"))).isEqualTo(RejectionCode.NO_DOTS_LEFT);

    apply(ana, new Change.DeleteNote(id(), "n-1"));
    assertThat(refused(ana, place("v-1", "n-1"))).isEqualTo(RejectionCode.NOT_IN_VOTE);
    apply(ana, place("v-1", "n-2"));
    apply(ana, place("v-1", "n-2"));

    apply(host, new Change.SetAccess(id(), ben, Access.OBSERVER));
    assertThat(refused(ben, place("v-1", "n-2"))).isEqualTo(RejectionCode.READ_ONLY);
  }

  @Test
  @DisplayName(
      "DV3 closing ranks the live notes by dots, then by how many people gave them; equal notes"
          + " share a rank in ballot order; a closed vote takes no dot")
  void ranking() {
    for (String n : List.of("n-a", "n-b", "n-c", "n-d", "n-e")) {
      note(ana, n, 0, 0);
    }
    apply(host, open("v-1", null, 4, null, false));
    // n-b: 3 dots from 1 person; n-c: 3 dots from 2 people; n-d and n-e: 1 dot each; n-a: none.
    apply(ana, place("v-1", "n-b"));
    apply(ana, place("v-1", "n-b"));
    apply(ana, place("v-1", "n-b"));
    apply(ben, place("v-1", "n-c"));
    apply(ben, place("v-1", "n-c"));
    apply(host, place("v-1", "n-c"));
    apply(ben, place("v-1", "n-e"));
    apply(host, place("v-1", "n-d"));

    assertThat(refused(ana, new Change.CloseVote(id(), "v-1")))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    Applied closed = apply(host, new Change.CloseVote(id(), "v-1"));

    List<Vote.Result> results = ((Event.VoteClosed) closed.event()).results();
    assertThat(results)
        .containsExactly(
            new Vote.Result("n-c", 3, 2, 1),
            new Vote.Result("n-b", 3, 1, 2),
            new Vote.Result("n-d", 1, 1, 3),
            new Vote.Result("n-e", 1, 1, 3),
            new Vote.Result("n-a", 0, 0, 5));
    assertThat(closed.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(vote().results()).isEqualTo(results);
    assertThat(vote().closedAt()).isNotNull();
    assertThat(refused(ben, place("v-1", "n-a"))).isEqualTo(RejectionCode.NO_VOTE);
    assertThat(refused(host, new Change.CloseVote(id(), "v-1"))).isEqualTo(RejectionCode.NO_VOTE);
  }

  @Test
  @DisplayName(
      "DV3 the results stay until the facilitator clears them or opens another vote on the canvas")
  void clearAndReplace() {
    note(ana, "n-1", 0, 0);
    apply(host, open("v-1", null, 1, null, false));
    apply(host, new Change.CloseVote(id(), "v-1"));
    apply(host, open("v-2", null, 2, null, true));
    assertThat(vote().id()).isEqualTo("v-2");
    assertThat(refused(ana, new Change.ClearVote(id(), "v-2")))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    apply(host, new Change.ClearVote(id(), "v-2")); // an open vote may be cleared too
    assertThat(state.checkpoint().facilitation().votes()).isEmpty();
    assertThat(refused(host, new Change.ClearVote(id(), "v-2"))).isEqualTo(RejectionCode.NO_VOTE);

    apply(host, open("v-3", null, 1, null, false));
    apply(host, new Change.CreateCanvas(id(), "c-2", "msc", "Deux"));
    apply(host, new Change.DeleteCanvas(id(), "main"));
    assertThat(state.checkpoint().facilitation().votes()).as("CV3 the vote leaves").isEmpty();
  }

  @Test
  @DisplayName(
      "DV4 in a secret vote a dot is its voter's alone to read, in events and snapshots; closing"
          + " gives everyone the totals, never who gave them")
  void secretVote() {
    note(ana, "n-1", 0, 0);
    note(ben, "n-2", 0, 600);
    apply(host, open("v-1", null, 3, null, true));

    Applied anaDot = apply(ana, place("v-1", "n-1"));
    apply(ben, place("v-1", "n-2"));
    apply(ben, place("v-1", "n-1"));

    assertThat(anaDot.visibility()).isEqualTo(Visibility.hidden(ana, "main", "vote"));
    assertThat(anaDot.visibility().readableBy(ana)).isTrue();
    assertThat(anaDot.visibility().readableBy(ben)).isFalse();
    assertThat(anaDot.visibility().readableBy(host)).isFalse();
    assertThat(anaDot.visibility().readableBy(null)).as("observers").isFalse();
    assertThat(snapshotVote(ana).dots()).containsExactly(new Vote.Dots(ana, "n-1", 1));
    assertThat(snapshotVote(ben).dots()).extracting(Vote.Dots::participantId).containsOnly(ben);
    assertThat(snapshotVote(host).dots()).isEmpty();
    assertThat(snapshotVote(null).dots()).isEmpty();
    assertThat(snapshotVote(host).results()).isEmpty();

    apply(host, new Change.CloseVote(id(), "v-1"));
    assertThat(snapshotVote(host).results())
        .containsExactly(new Vote.Result("n-1", 2, 2, 1), new Vote.Result("n-2", 1, 1, 2));
    assertThat(snapshotVote(host).dots()).isEmpty();
    assertThat(snapshotVote(ana).dots()).containsExactly(new Vote.Dots(ana, "n-1", 1));
  }

  @Test
  @DisplayName("DV4 a public vote's dots are everyone's to read, live")
  void publicVote() {
    note(ana, "n-1", 0, 0);
    apply(host, open("v-1", null, 3, null, false));
    Applied dot = apply(ana, place("v-1", "n-1"));
    assertThat(dot.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(snapshotVote(ben).dots()).containsExactly(new Vote.Dots(ana, "n-1", 1));
  }

  @Test
  @DisplayName(
      "DV5 a dot is not an edit: a locked note on a locked canvas takes and gives back dots, a"
          + " vote opens and closes there, and a moved cluster leaves the ballot as it was")
  void locksAndClusters() {
    note(ana, "n-1", 400, 0); // community
    note(ben, "n-2", 450, 300); // community
    note(ana, "n-3", 0, 600); // resources
    apply(host, new Change.CreateCluster(id(), "k-1", "main", "Ensemble", List.of("n-1", "n-3")));
    apply(host, new Change.LockNote(id(), "n-2", true));
    apply(host, new Change.LockCanvas(id(), "main", true));
    assertThat(
            refused(
                ben,
                new Change.UpdateNote(
                    id(), "n-2", new NotePatch(1.0, null, null, null, null, null, null))))
        .as("LK1 LK2 the locks hold the note's changes back")
        .isEqualTo(RejectionCode.LOCKED);

    Applied opened = apply(host, open("v-1", Pillar.COMMUNITY, 2, null, false));
    assertThat(((Event.VoteOpened) opened.event()).vote().noteIds()).containsExactly("n-1", "n-2");
    apply(ana, place("v-1", "n-2")); // the locked note
    apply(ana, place("v-1", "n-2"));
    apply(ana, remove("v-1", "n-2"));
    apply(ben, place("v-1", "n-1"));

    // CL5: n-1 leaves the community zone, n-3 the resources one; the ballot stays.
    apply(host, new Change.MoveCluster(id(), "k-1", 0, 500));
    assertThat(vote().noteIds()).containsExactly("n-1", "n-2");
    apply(ben, place("v-1", "n-1"));
    assertThat(refused(ben, place("v-1", "n-3"))).isEqualTo(RejectionCode.NOT_IN_VOTE);

    Applied closed = apply(host, new Change.CloseVote(id(), "v-1"));
    assertThat(((Event.VoteClosed) closed.event()).results())
        .containsExactly(new Vote.Result("n-1", 2, 1, 1), new Vote.Result("n-2", 1, 1, 2));
    FacilitationState arranged = state.checkpoint().facilitation();
    assertThat(arranged.clusters())
        .extracting(Cluster::noteIds)
        .containsExactly(List.of("n-1", "n-3"));
    assertThat(arranged.canvases().get(0).locked()).as("a vote leaves the lock").isTrue();
    assertThat(refused(ana, new Change.DeleteNote(id(), "n-2"))).isEqualTo(RejectionCode.LOCKED);
    apply(host, new Change.ClearVote(id(), "v-1"));
  }

  private Vote snapshotVote(ParticipantId reader) {
    return state.snapshot(reader).facilitation().votes().get(0);
  }

  @Test
  @DisplayName(
      "DV replaying the events, or a checkpoint and the events after it, rebuilds the votes")
  void replayAndCheckpoint() {
    note(ana, "n-1", -500, 0);
    note(ben, "n-2", 0, 600);
    apply(host, open("v-1", Pillar.COMMUNITY, 2, 1, true));
    apply(ana, place("v-1", "n-1"));
    int cut = events.size();
    apply(ben, place("v-1", "n-1"));
    apply(ben, remove("v-1", "n-1"));
    apply(ben, place("v-1", "n-1"));
    apply(host, new Change.CloseVote(id(), "v-1"));
    apply(host, new Change.CreateCanvas(id(), "c-2", "msc", "Deux"));
    apply(host, new Change.OpenVote(id(), "v-2", "c-2", null, 5, null, false, List.of()));

    WorkshopState replayed = new WorkshopState(FACTS);
    events.forEach(replayed::replay);
    assertThat(replayed.checkpoint()).isEqualTo(state.checkpoint());

    WorkshopState early = new WorkshopState(FACTS);
    events.subList(0, cut).forEach(early::replay);
    WorkshopState restored = WorkshopState.restore(early.checkpoint());
    events.subList(cut, events.size()).forEach(restored::replay);
    assertThat(restored.checkpoint()).isEqualTo(state.checkpoint());
    assertThat(restored.checkpoint().facilitation().votes()).hasSize(2);
  }

  @Test
  @DisplayName(
      "DV1 an open_vote with its templates travels between nodes (Java serialization of zones)")
  void openVoteSerializes() throws Exception {
    Change.OpenVote open = open("v-1", Pillar.COMMUNITY, 3, null, false);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(open);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(open);
    }
  }
}
