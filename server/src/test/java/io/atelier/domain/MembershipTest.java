package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Rejected;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Roles and joining as the model decides them (RO1 to RO5), with no network. */
class MembershipTest {
  private static final long T0 = 1_764_147_600_000L;
  private static final String KEY = "the-owners-key";
  private final WorkshopState state =
      new WorkshopState(
          new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, Secrets.hash(KEY), 7));
  private int changes;
  private final ParticipantId host = admitted(enter("token-host", "p-host", "Hôte", KEY, null));
  private final ParticipantId ana = admitted(enter("token-ana", "p-ana", "Ana", null, null));
  private final ParticipantId ben = admitted(enter("token-ben", "p-ben", "Ben", null, null));

  private Admission enter(String token, String id, String name, String key, String passcode) {
    return state.enter(
        Secrets.hash(token),
        new WorkshopState.Newcomer(new ParticipantId(id), name),
        "c-" + id + "-" + ++changes,
        key == null ? null : Secrets.hash(key),
        passcode == null ? null : Secrets.hash(passcode));
  }

  private static ParticipantId admitted(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    return ((Admission.Admitted) admission).participant().id();
  }

  private String nextId() {
    return "c-" + ++changes;
  }

  /** A change from a socket that did not present the key. */
  private Outcome by(ParticipantId author, Change change) {
    return state.apply(author, change, false, T0);
  }

  private Event applied(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Applied.class);
    return ((Applied) outcome).event();
  }

  private RejectionCode refused(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    return ((Rejected) outcome).code();
  }

  private Change.LockWorkshop lock(boolean locked) {
    return new Change.LockWorkshop(nextId(), locked);
  }

  @Test
  @DisplayName("HS7 RO1 the key's holder is recorded as a facilitator and steers without the key")
  void keyHolderIsRecorded() {
    Admission again =
        state.enter(Secrets.hash("token-host"), null, "c-again", Secrets.hash(KEY), null);
    assertThat(((Admission.Admitted) again).steers()).isTrue();
    assertThat(((Admission.Admitted) again).events())
        .as("already a facilitator: nothing new to record")
        .isEmpty();
    assertThat(state.snapshot().facilitation().membership().of(host)).isEqualTo(Access.FACILITATOR);
    applied(by(host, lock(false)));
    Admission plain = state.enter(Secrets.hash("token-ana"), null, "c-ana-2", null, null);
    assertThat(((Admission.Admitted) plain).steers()).isFalse();
    Admission wrongKey =
        state.enter(Secrets.hash("token-ben"), null, "c-ben-2", Secrets.hash("not it"), null);
    assertThat(((Admission.Admitted) wrongKey).steers()).isFalse();
  }

  @Test
  @DisplayName("RO1 promote, hand over, step down: a workshop keeps a facilitator")
  void handOver() {
    assertThat(refused(by(ana, lock(true)))).isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(ana, new Change.SetAccess(nextId(), ana, Access.FACILITATOR))))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(host, new Change.SetAccess(nextId(), host, Access.PARTICIPANT))))
        .isEqualTo(RejectionCode.LAST_FACILITATOR);

    Event promoted = applied(by(host, new Change.SetAccess(nextId(), ana, Access.FACILITATOR)));
    assertThat(promoted)
        .isEqualTo(
            new Event.AccessChanged(
                promoted.revision(), "c-" + changes, host, ana, Access.FACILITATOR));
    applied(by(ana, lock(true))); // at once, without a key

    applied(by(host, new Change.SetAccess(nextId(), host, Access.PARTICIPANT)));
    assertThat(refused(state.apply(host, lock(false), true, T0)))
        .as("handed over: the key's socket no longer steers")
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(ana, new Change.SetAccess(nextId(), ana, Access.OBSERVER))))
        .isEqualTo(RejectionCode.LAST_FACILITATOR);

    // The key is the owner's: presenting it at a new entry gives the role back.
    Admission back =
        state.enter(Secrets.hash("token-host"), null, "c-host-back", Secrets.hash(KEY), null);
    assertThat(((Admission.Admitted) back).steers()).isTrue();
    assertThat(((Admission.Admitted) back).events())
        .singleElement()
        .isInstanceOfSatisfying(
            Event.AccessChanged.class,
            e -> {
              assertThat(e.changeId()).isNull();
              assertThat(e.access()).isEqualTo(Access.FACILITATOR);
            });
  }

  @Test
  @DisplayName("RO1 an observer changes nothing, not even their own notes or attendance")
  void observer() {
    applied(by(host, new Change.SetAccess(nextId(), ben, Access.OBSERVER)));
    var note =
        new Change.CreateNote(nextId(), "n-1", "main", 0, 0, 200, 140, "x", NoteColor.YELLOW);
    assertThat(refused(by(ben, note))).isEqualTo(RejectionCode.READ_ONLY);
    assertThat(refused(by(ben, new Change.SetAttendance(nextId(), ben, true))))
        .isEqualTo(RejectionCode.READ_ONLY);
    assertThat(state.snapshot().notes()).isEmpty();
    applied(by(host, new Change.SetAccess(nextId(), ben, Access.PARTICIPANT)));
    applied(by(ben, new Change.SetAttendance(nextId(), ben, true)));
  }

  @Test
  @DisplayName("RO3 a locked workshop takes nobody new; its people and the key's holder come in")
  void locked() {
    applied(by(host, lock(true)));
    assertThat(enter("token-new", "p-new", "Nouvelle", null, null))
        .isInstanceOf(Admission.Locked.class);
    admitted(state.enter(Secrets.hash("token-ana"), null, "c-ana-2", null, null));
    admitted(enter("token-cohost", "p-cohost", "Co-animatrice", KEY, null));
    applied(by(host, lock(false)));
    admitted(enter("token-new", "p-new", "Nouvelle", null, null));
    assertThat(state.snapshot().facilitation().membership().locked()).isFalse();
  }

  @Test
  @DisplayName("RO4 newcomers give the passcode; only its hash is kept; token holders need none")
  void passcode() {
    Event set = applied(by(host, new Change.SetPasscode(nextId(), "  érable 2026 ")));
    String hash = ((Event.PasscodeChanged) set).passcodeHash();
    assertThat(hash).isEqualTo(Secrets.hash("érable 2026")).doesNotContain("érable");

    assertThat(enter("token-new", "p-new", "Nouvelle", null, null))
        .isEqualTo(new Admission.PasscodeRefused(false));
    assertThat(enter("token-new", "p-new", "Nouvelle", null, "érable 2025"))
        .isEqualTo(new Admission.PasscodeRefused(true));
    admitted(enter("token-new", "p-new", "Nouvelle", null, "érable 2026"));
    admitted(state.enter(Secrets.hash("token-ben"), null, "c-ben-2", null, null));

    applied(by(host, new Change.SetPasscode(nextId(), null)));
    admitted(enter("token-other", "p-other", "Autre", null, null));
  }

  @Test
  @DisplayName("RO5 a removed person's token stops working; they leave every arrangement")
  void removal() {
    var note =
        new Change.CreateNote(nextId(), "n-ben", "main", 0, 0, 200, 140, "x", NoteColor.YELLOW);
    applied(by(ben, note));
    applied(by(ben, new Change.SetAttendance(nextId(), ben, true)));
    applied(by(host, new Change.AssignGroup(nextId(), ben, "main")));
    applied(by(host, new Change.SetSpeakingOrder(nextId(), List.of(ana, ben))));
    applied(by(host, new Change.SetAccess(nextId(), ben, Access.OBSERVER)));

    assertThat(refused(by(host, new Change.RemoveParticipant(nextId(), host))))
        .isEqualTo(RejectionCode.CANNOT_REMOVE_SELF);
    assertThat(refused(by(ana, new Change.RemoveParticipant(nextId(), ben))))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    Event removed = applied(by(host, new Change.RemoveParticipant(nextId(), ben)));
    assertThat(removed).isInstanceOf(Event.ParticipantRemoved.class);

    FacilitationState arranged = state.snapshot().facilitation();
    assertThat(state.snapshot().participants()).extracting(ParticipantView::id).doesNotContain(ben);
    assertThat(arranged.groups()).doesNotContainKey(ben);
    assertThat(arranged.remote()).doesNotContain(ben);
    assertThat(arranged.roundTable().order()).containsExactly(ana);
    assertThat(arranged.membership().access()).doesNotContainKey(ben);
    assertThat(arranged.membership().removed()).containsExactly(ben);
    assertThat(state.snapshot().notes()).extracting(Note::id).containsExactly("n-ben");

    assertThat(state.enter(Secrets.hash("token-ben"), null, "c-ben-2", null, null))
        .isInstanceOf(Admission.Removed.class);
    assertThat(refused(by(ben, new Change.SetAttendance(nextId(), ben, false))))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
    assertThat(refused(by(host, new Change.RemoveParticipant(nextId(), ben))))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
    assertThat(refused(by(host, new Change.SetAccess(nextId(), ben, Access.FACILITATOR))))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
  }

  @Test
  @DisplayName("RO checkpoint, restore and replay give back who may do what and who may come in")
  void checkpointAndReplay() {
    applied(by(host, new Change.SetAccess(nextId(), ana, Access.FACILITATOR)));
    applied(by(host, new Change.SetAccess(nextId(), ben, Access.OBSERVER)));
    applied(by(host, lock(true)));
    applied(by(host, new Change.SetPasscode(nextId(), "secret!")));
    applied(by(ana, new Change.RemoveParticipant(nextId(), ben)));

    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().facilitation()).isEqualTo(state.snapshot().facilitation());
    assertThat(restored.snapshot().participants()).hasSize(2);
    assertThat(restored.enter(Secrets.hash("token-ben"), null, "c-x", null, null))
        .isInstanceOf(Admission.Removed.class);
  }
}
