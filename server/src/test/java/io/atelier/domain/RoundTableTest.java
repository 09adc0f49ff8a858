package io.atelier.domain;

import static io.atelier.domain.Change.RoundAction.END_ROUND;
import static io.atelier.domain.Change.RoundAction.END_TURN;
import static io.atelier.domain.Change.RoundAction.NEXT_TURN;
import static io.atelier.domain.Change.RoundAction.PASS_TURN;
import static io.atelier.domain.Change.RoundAction.PAUSE_ROUND;
import static io.atelier.domain.Change.RoundAction.PREVIOUS_TURN;
import static io.atelier.domain.Change.RoundAction.RESUME_ROUND;
import static io.atelier.domain.Change.RoundAction.START_ROUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.domain.Outcome.Applied;
import io.atelier.domain.Outcome.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The round table's state machine (rules RT), as {@link WorkshopState} applies it. */
class RoundTableTest {
  private static final long T0 = 1_764_147_600_000L;
  private final WorkshopState state =
      new WorkshopState(new WorkshopFacts(new WorkshopId("w1"), "Atelier", Language.FR, "hash", 7));
  private final ParticipantId host = admit("host", "c1");
  private final ParticipantId ana = admit("ana", "c2");
  private final ParticipantId bo = admit("bo", "c3");
  private final ParticipantId cy = admit("cy", "c4");
  private final List<Event> events = new ArrayList<>();
  private int changes;

  private ParticipantId admit(String name, String connection) {
    var newcomer = new WorkshopState.Newcomer(new ParticipantId("p-" + name), name);
    return ((Admission.Admitted) state.enter(Secrets.hash("t-" + name), newcomer, connection))
        .participant()
        .id();
  }

  private String nextId() {
    return "c-" + ++changes;
  }

  private Outcome by(ParticipantId who, boolean facilitator, Change change, long now) {
    return state.apply(who, change, facilitator, now);
  }

  private RoundTable host(Change change, long now) {
    return table(by(host, true, change, now));
  }

  private RoundTable host(Change.RoundAction action, long now) {
    return host(new Change.CommandRound(nextId(), action), now);
  }

  private RoundTable table(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Applied.class);
    Event event = ((Applied) outcome).event();
    events.add(event);
    return ((Event.RoundTableChanged) event).roundTable();
  }

  private RejectionCode refused(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    return ((Rejected) outcome).code();
  }

  private RoundTable orderOf(ParticipantId... ids) {
    return host(new Change.SetSpeakingOrder(nextId(), List.of(ids)), T0);
  }

  private RoundTable current() {
    return state.snapshot().facilitation().roundTable();
  }

  private ParticipantId speaker() {
    return current().current().participantId();
  }

  @Test
  @DisplayName(
      "RT1 the facilitator sets the whole order; unknown people and duplicates are refused")
  void speakingOrder() {
    assertThat(current()).isEqualTo(RoundTable.EMPTY);
    assertThat(orderOf(ana, bo, cy).order()).containsExactly(ana, bo, cy);
    assertThat(orderOf(cy, ana).order()).containsExactly(cy, ana);
    assertThat(
            refused(
                by(
                    host,
                    true,
                    new Change.SetSpeakingOrder(nextId(), List.of(new ParticipantId("p-nobody"))),
                    T0)))
        .isEqualTo(RejectionCode.UNKNOWN_PARTICIPANT);
    assertThat(refused(by(ana, false, new Change.SetSpeakingOrder(nextId(), List.of()), T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThatThrownBy(() -> new Change.SetSpeakingOrder("c", List.of(ana, ana)))
        .isInstanceOf(InvalidValueException.class);
    List<ParticipantId> tooMany =
        IntStream.range(0, 201).mapToObj(i -> new ParticipantId("p-" + i)).toList();
    assertThatThrownBy(() -> new Change.SetSpeakingOrder("c", tooMany)).hasMessageContaining("200");
  }

  @Test
  @DisplayName("RT2 anyone raises or lowers their own hand; the facilitator accepts or declines")
  void raisedHands() {
    orderOf(ana);
    assertThat(table(by(bo, false, new Change.RaiseHand(nextId()), T0)).hands())
        .containsExactly(bo);
    assertThat(table(by(cy, false, new Change.RaiseHand(nextId()), T0)).hands())
        .containsExactly(bo, cy);
    assertThat(refused(by(ana, false, new Change.RaiseHand(nextId()), T0)))
        .isEqualTo(RejectionCode.ALREADY_IN_ORDER);
    assertThat(table(by(cy, false, new Change.LowerHand(nextId()), T0)).hands())
        .containsExactly(bo);
    assertThat(refused(by(bo, false, new Change.AnswerHand(nextId(), bo, true), T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(host, true, new Change.AnswerHand(nextId(), cy, true), T0)))
        .isEqualTo(RejectionCode.NO_RAISED_HAND);
    RoundTable accepted = host(new Change.AnswerHand(nextId(), bo, true), T0);
    assertThat(accepted.order()).containsExactly(ana, bo);
    assertThat(accepted.hands()).isEmpty();
    table(by(cy, false, new Change.RaiseHand(nextId()), T0));
    RoundTable declined = host(new Change.AnswerHand(nextId(), cy, false), T0);
    assertThat(declined.order()).containsExactly(ana, bo);
    assertThat(declined.hands()).isEmpty();
  }

  @Test
  @DisplayName(
      "RT3 RT4 a round starts with the first in order, a deadline of the configured length")
  void startRound() {
    assertThat(refused(by(host, true, new Change.CommandRound(nextId(), START_ROUND), T0)))
        .isEqualTo(RejectionCode.EMPTY_ORDER);
    orderOf(ana, bo);
    host(new Change.ConfigureRound(nextId(), 90, 10), T0);
    RoundTable started = host(START_ROUND, T0 + 5);
    assertThat(started.turnMs()).isEqualTo(90_000);
    assertThat(started.warningMs()).isEqualTo(10_000);
    assertThat(started.startedAt()).isEqualTo(T0 + 5);
    assertThat(started.current())
        .isEqualTo(new RoundTable.Turn(ana, T0 + 5, 90_000, T0 + 90_005, null, T0 + 5, 0, false));
    assertThat(refused(by(host, true, new Change.CommandRound(nextId(), START_ROUND), T0)))
        .isEqualTo(RejectionCode.ROUND_RUNNING);
    assertThatThrownBy(() -> new Change.ConfigureRound("c", 9, 0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Change.ConfigureRound("c", 60, 301))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  @DisplayName("RT5 next records the finished turn; the last turn ending ends the round")
  void nextUntilTheEnd() {
    orderOf(ana, bo);
    host(START_ROUND, T0);
    RoundTable second = host(NEXT_TURN, T0 + 30_000);
    assertThat(second.current().participantId()).isEqualTo(bo);
    assertThat(second.turns())
        .containsExactly(new RoundTable.SpokenTurn(ana, T0, T0 + 30_000, 30_000, false, false));
    RoundTable over = host(NEXT_TURN, T0 + 200_000);
    assertThat(over.running()).isFalse();
    assertThat(over.endedAt()).isEqualTo(T0 + 200_000);
    assertThat(over.turns()).hasSize(2);
    assertThat(over.turns().get(1).spokenMs()).isEqualTo(170_000); // overtime counts
    for (var action : List.of(NEXT_TURN, PREVIOUS_TURN, PAUSE_ROUND, RESUME_ROUND, END_ROUND)) {
      assertThat(refused(by(host, true, new Change.CommandRound(nextId(), action), T0)))
          .as(action.name())
          .isEqualTo(RejectionCode.NO_ROUND);
    }
    assertThat(refused(by(host, true, new Change.AddTurnTime(nextId(), 30), T0)))
        .isEqualTo(RejectionCode.NO_ROUND);
    RoundTable again = host(START_ROUND, T0 + 300_000);
    assertThat(again.turns()).isEmpty();
    assertThat(again.endedAt()).isNull();
  }

  @Test
  @DisplayName("RT5 passed people are offered a turn once the order is done, once")
  void passedPeopleComeBack() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    RoundTable afterPass = host(PASS_TURN, T0 + 1_000);
    assertThat(afterPass.passed()).containsExactly(ana);
    assertThat(afterPass.turns().get(0).passed()).isTrue();
    host(NEXT_TURN, T0 + 2_000); // bo spoke, cy now
    RoundTable offered = host(NEXT_TURN, T0 + 3_000);
    assertThat(offered.current().participantId()).isEqualTo(ana);
    assertThat(offered.current().secondChance()).isTrue();
    assertThat(offered.passed()).isEmpty();
    RoundTable over = host(PASS_TURN, T0 + 4_000); // passing again is final
    assertThat(over.running()).isFalse();
    assertThat(over.turns())
        .extracting(RoundTable.SpokenTurn::participantId)
        .containsExactly(ana, bo, cy, ana);
  }

  @Test
  @DisplayName("RT5 previous gives a new turn to the last speaker; the interrupted one comes next")
  void previousTurn() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    assertThat(refused(by(host, true, new Change.CommandRound(nextId(), PREVIOUS_TURN), T0)))
        .isEqualTo(RejectionCode.NO_PREVIOUS_TURN);
    host(NEXT_TURN, T0 + 10_000);
    RoundTable back = host(PREVIOUS_TURN, T0 + 12_000);
    assertThat(back.current().participantId()).isEqualTo(ana);
    assertThat(back.current().startedAt()).isEqualTo(T0 + 12_000);
    assertThat(back.turns())
        .extracting(RoundTable.SpokenTurn::participantId)
        .containsExactly(ana, bo);
    assertThat(host(NEXT_TURN, T0 + 20_000).current().participantId()).isEqualTo(bo);
  }

  @Test
  @DisplayName("RT6 the speaker may pass or end their own turn, nobody else but the facilitator")
  void speakerActions() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    assertThat(refused(by(bo, false, new Change.CommandRound(nextId(), PASS_TURN), T0)))
        .isEqualTo(RejectionCode.NOT_THE_SPEAKER);
    assertThat(refused(by(bo, false, new Change.CommandRound(nextId(), END_TURN), T0)))
        .isEqualTo(RejectionCode.NOT_THE_SPEAKER);
    assertThat(refused(by(ana, false, new Change.CommandRound(nextId(), NEXT_TURN), T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(ana, false, new Change.CommandRound(nextId(), PAUSE_ROUND), T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    assertThat(refused(by(ana, false, new Change.AddTurnTime(nextId(), 10), T0)))
        .isEqualTo(RejectionCode.NOT_FACILITATOR);
    RoundTable ended =
        table(by(ana, false, new Change.CommandRound(nextId(), END_TURN), T0 + 5_000));
    assertThat(ended.current().participantId()).isEqualTo(bo);
    RoundTable passed =
        table(by(bo, false, new Change.CommandRound(nextId(), PASS_TURN), T0 + 6_000));
    assertThat(passed.current().participantId()).isEqualTo(cy);
    assertThat(passed.passed()).containsExactly(bo);
    assertThat(refused(by(ana, false, new Change.CommandRound(nextId(), END_TURN), T0)))
        .isEqualTo(RejectionCode.NOT_THE_SPEAKER);
  }

  @Test
  @DisplayName("RT7 pausing keeps what is left; spoken time leaves pauses out; added time extends")
  void pauseResumeAdd() {
    orderOf(ana, bo);
    host(new Change.ConfigureRound(nextId(), 60, 15), T0);
    host(START_ROUND, T0);
    RoundTable paused = host(PAUSE_ROUND, T0 + 20_000);
    assertThat(paused.current().deadline()).isNull();
    assertThat(paused.current().remainingMs()).isEqualTo(40_000);
    assertThat(paused.current().spokenMs()).isEqualTo(20_000);
    assertThat(host(PAUSE_ROUND, T0 + 25_000)).isEqualTo(paused); // already paused: no change
    RoundTable resumed = host(RESUME_ROUND, T0 + 100_000);
    assertThat(resumed.current().deadline()).isEqualTo(T0 + 140_000);
    assertThat(host(new Change.AddTurnTime(nextId(), 30), T0 + 110_000).current().deadline())
        .isEqualTo(T0 + 170_000);
    // In overtime, added time counts from now.
    assertThat(host(new Change.AddTurnTime(nextId(), 10), T0 + 200_000).current().deadline())
        .isEqualTo(T0 + 210_000);
    RoundTable next = host(NEXT_TURN, T0 + 205_000);
    assertThat(next.turns().get(0).spokenMs()).isEqualTo(20_000 + 105_000);
    RoundTable pausedInOvertime = host(PAUSE_ROUND, T0 + 300_000);
    assertThat(pausedInOvertime.current().remainingMs()).isEqualTo(-35_000); // clients count up
    assertThat(host(new Change.AddTurnTime(nextId(), 20), T0 + 300_000).current().remainingMs())
        .isEqualTo(20_000);
    RoundTable ended = host(END_ROUND, T0 + 400_000);
    assertThat(ended.running()).isFalse();
    assertThat(ended.turns().get(1).spokenMs()).isEqualTo(95_000); // pauses left out
  }

  @Test
  @DisplayName("RT8 a speaker who disconnects keeps the turn; the facilitator can skip them")
  void speakerDisconnects() {
    orderOf(ana, bo);
    host(START_ROUND, T0);
    state.leave(ana, "c2");
    assertThat(speaker()).isEqualTo(ana);
    assertThat(current().current().running()).isTrue();
    host(NEXT_TURN, T0 + 1_000);
    assertThat(speaker()).isEqualTo(bo);
  }

  @Test
  @DisplayName("RT8 someone who leaves stays in the order until the facilitator reorders")
  void personInOrderLeaves() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    state.leave(bo, "c3");
    assertThat(current().order()).containsExactly(ana, bo, cy);
    orderOf(ana, cy); // bo removed mid-round
    assertThat(host(NEXT_TURN, T0 + 1_000).current().participantId()).isEqualTo(cy);
  }

  @Test
  @DisplayName("RT8 removing the current speaker lets them finish; next is the first not yet heard")
  void currentSpeakerRemoved() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    host(NEXT_TURN, T0 + 1_000); // bo speaks
    RoundTable reordered = orderOf(cy, ana);
    assertThat(reordered.current().participantId()).isEqualTo(bo);
    assertThat(host(NEXT_TURN, T0 + 2_000).current().participantId()).isEqualTo(cy);
    // From there the new order is followed from the speaker's place in it.
    assertThat(host(NEXT_TURN, T0 + 3_000).current().participantId()).isEqualTo(ana);
    assertThat(host(NEXT_TURN, T0 + 4_000).running()).isFalse();
  }

  @Test
  @DisplayName("RT8 the round table survives a checkpoint, and a replay of its events")
  void survivesRestart() {
    orderOf(ana, bo, cy);
    table(by(host, false, new Change.RaiseHand(nextId()), T0));
    host(START_ROUND, T0);
    host(PASS_TURN, T0 + 1_000);
    host(PAUSE_ROUND, T0 + 2_000);
    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().facilitation().roundTable()).isEqualTo(current());
    WorkshopState fromEvents = new WorkshopState(state.facts());
    events.forEach(fromEvents::replay);
    assertThat(fromEvents.snapshot().facilitation().roundTable()).isEqualTo(current());
    // The facilitator reloading is just another snapshot: the same state, resumable.
    assertThat(state.snapshot().facilitation().roundTable().current().remainingMs())
        .isEqualTo(119_000);
  }

  @Test
  @DisplayName("CH2 a resent round command is acknowledged again and applied once")
  void duplicates() {
    orderOf(ana, bo, cy);
    host(START_ROUND, T0);
    Change next = new Change.CommandRound("same", NEXT_TURN);
    table(by(host, true, next, T0 + 1_000));
    assertThat(by(host, true, next, T0 + 2_000)).isInstanceOf(Outcome.Duplicate.class);
    assertThat(speaker()).isEqualTo(bo);
  }
}
