package io.atelier.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The round table (tour de table, rules RT): a speaking order, the raised hands waiting for the
 * facilitator, how long a turn lasts, and the round being run now or last. It is an immutable
 * value: every method returns the next state, or throws {@link Facilitation.Refusal}, so that the
 * event that carries it is the whole truth and replay only installs it.
 *
 * <p>Time is the server's and enters only as {@code now}: the current turn keeps a deadline while
 * it runs and what is left while it is paused (like {@link Timer}), so nothing ticks on the server.
 */
public record RoundTable(
    List<ParticipantId> order,
    List<ParticipantId> hands,
    long turnMs,
    long warningMs,
    Long startedAt,
    Long endedAt,
    Turn current,
    List<ParticipantId> passed,
    List<SpokenTurn> turns)
    implements Serializable {
  public static final int MAX_ORDER = 200;
  public static final int MAX_TURNS = 1_000;
  public static final int MIN_TURN_SECONDS = 10;
  public static final int MAX_TURN_SECONDS = 1_800;
  public static final int MAX_WARNING_SECONDS = 300;
  public static final int MAX_ADDED_SECONDS = 1_800;
  public static final RoundTable EMPTY =
      new RoundTable(List.of(), List.of(), 120_000, 15_000, null, null, null, List.of(), List.of());

  public RoundTable {
    order = List.copyOf(order);
    hands = List.copyOf(hands);
    passed = List.copyOf(passed);
    turns = List.copyOf(turns);
    if (turnMs <= 0 || warningMs < 0) {
      throw new InvalidValueException("a turn lasts a positive time and warns at zero or more");
    }
  }

  /** The turn running now; a round is running exactly while there is one. */
  public record Turn(
      ParticipantId participantId,
      long startedAt,
      long durationMs,
      Long deadline,
      Long remainingMs,
      Long resumedAt,
      long spokenMs,
      boolean secondChance)
      implements Serializable {
    public Turn {
      if (participantId == null) {
        throw new InvalidValueException("a turn has a speaker");
      }
      if ((deadline == null) == (remainingMs == null)
          || (deadline == null) != (resumedAt == null)) {
        throw new InvalidValueException("a running turn has a deadline, a paused one what is left");
      }
    }

    static Turn start(ParticipantId speaker, long durationMs, long now, boolean secondChance) {
      return new Turn(speaker, now, durationMs, now + durationMs, null, now, 0, secondChance);
    }

    public boolean running() {
      return deadline != null;
    }

    /** How long the speaker has spoken by {@code now}, pauses left out. */
    public long spokenAt(long now) {
      return running() ? spokenMs + Math.max(0, now - resumedAt) : spokenMs;
    }

    Turn pause(long now) {
      if (!running()) {
        return this;
      }
      return new Turn(
          participantId,
          startedAt,
          durationMs,
          null,
          deadline - now,
          null,
          spokenAt(now),
          secondChance);
    }

    Turn resume(long now) {
      if (running()) {
        return this;
      }
      return new Turn(
          participantId,
          startedAt,
          durationMs,
          now + remainingMs,
          null,
          now,
          spokenMs,
          secondChance);
    }

    /** Time added in overtime counts from now: the speaker gets that much more to finish. */
    Turn add(long ms, long now) {
      if (running()) {
        return new Turn(
            participantId,
            startedAt,
            durationMs + ms,
            Math.max(deadline, now) + ms,
            null,
            resumedAt,
            spokenMs,
            secondChance);
      }
      return new Turn(
          participantId,
          startedAt,
          durationMs + ms,
          null,
          Math.max(remainingMs, 0) + ms,
          null,
          spokenMs,
          secondChance);
    }
  }

  /** A finished turn, as the speaking-time summary counts it. */
  public record SpokenTurn(
      ParticipantId participantId,
      long startedAt,
      long endedAt,
      long spokenMs,
      boolean passed,
      boolean secondChance)
      implements Serializable {
    public SpokenTurn {
      if (participantId == null || spokenMs < 0 || endedAt < startedAt) {
        throw new InvalidValueException("a spoken turn has a speaker and a non-negative length");
      }
    }
  }

  public boolean running() {
    return current != null;
  }

  // --- The speaking order (RT1 to RT3) -------------------------------------------------------

  RoundTable withOrder(List<ParticipantId> newOrder) {
    List<ParticipantId> stillPassed = passed.stream().filter(newOrder::contains).toList();
    List<ParticipantId> stillRaised = hands.stream().filter(id -> !newOrder.contains(id)).toList();
    return new RoundTable(
        newOrder, stillRaised, turnMs, warningMs, startedAt, endedAt, current, stillPassed, turns);
  }

  /** RO5: someone removed from the workshop leaves the order, the hands and the passed. */
  RoundTable without(ParticipantId who) {
    return withOrder(minus(order, who)).withHands(minus(hands, who));
  }

  RoundTable raiseHand(ParticipantId who) {
    if (order.contains(who)) {
      throw new Facilitation.Refusal(RejectionCode.ALREADY_IN_ORDER, "Already in the order.");
    }
    return hands.contains(who) ? this : withHands(plus(hands, who));
  }

  RoundTable lowerHand(ParticipantId who) {
    return withHands(minus(hands, who));
  }

  RoundTable answerHand(ParticipantId who, boolean accept) {
    if (!hands.contains(who)) {
      throw new Facilitation.Refusal(RejectionCode.NO_RAISED_HAND, who + " has no raised hand.");
    }
    if (!accept) {
      return withHands(minus(hands, who));
    }
    if (order.size() >= MAX_ORDER) {
      throw new Facilitation.Refusal(
          RejectionCode.ORDER_FULL, "The order holds at most " + MAX_ORDER + " people.");
    }
    return withOrder(plus(order, who));
  }

  RoundTable configure(long newTurnMs, long newWarningMs) {
    return new RoundTable(
        order, hands, newTurnMs, newWarningMs, startedAt, endedAt, current, passed, turns);
  }

  // --- The round (RT4 to RT8) ----------------------------------------------------------------

  RoundTable start(long now) {
    if (running()) {
      throw new Facilitation.Refusal(RejectionCode.ROUND_RUNNING, "A round is running.");
    }
    if (order.isEmpty()) {
      throw new Facilitation.Refusal(RejectionCode.EMPTY_ORDER, "The speaking order is empty.");
    }
    Turn first = Turn.start(order.get(0), turnMs, now, false);
    return new RoundTable(order, hands, turnMs, warningMs, now, null, first, List.of(), List.of());
  }

  /** Next, and the speaker's own "end my turn": the turn is over, the next person speaks. */
  RoundTable next(long now) {
    return finishAndMoveOn(now, false);
  }

  /** The passed person is remembered, to be offered a turn once the order is done (RT5). */
  RoundTable pass(long now) {
    return finishAndMoveOn(now, true);
  }

  /** A new turn for whoever spoke last; the interrupted speaker comes next again (RT5). */
  RoundTable previous(long now) {
    requireRound();
    if (turns.isEmpty()) {
      throw new Facilitation.Refusal(RejectionCode.NO_PREVIOUS_TURN, "No turn before this one.");
    }
    requireRoomForTurns();
    SpokenTurn last = turns.get(turns.size() - 1);
    List<ParticipantId> waiting =
        current.secondChance() ? plusFirst(passed, current.participantId()) : passed;
    Turn again = Turn.start(last.participantId(), turnMs, now, last.secondChance());
    return new RoundTable(
        order,
        hands,
        turnMs,
        warningMs,
        startedAt,
        endedAt,
        again,
        minus(waiting, last.participantId()),
        plus(turns, finished(now, false)));
  }

  RoundTable pause(long now) {
    requireRound();
    return withCurrent(current.pause(now));
  }

  RoundTable resume(long now) {
    requireRound();
    return withCurrent(current.resume(now));
  }

  RoundTable addTime(long ms, long now) {
    requireRound();
    return withCurrent(current.add(ms, now));
  }

  RoundTable end(long now) {
    requireRound();
    return ended(plus(turns, finished(now, false)), now);
  }

  /** Whether {@code who} holds the floor now. */
  boolean isSpeaker(ParticipantId who) {
    return running() && current.participantId().equals(who);
  }

  void requireRound() {
    if (!running()) {
      throw new Facilitation.Refusal(RejectionCode.NO_ROUND, "No round is running.");
    }
  }

  private RoundTable finishAndMoveOn(long now, boolean pass) {
    requireRound();
    requireRoomForTurns();
    List<SpokenTurn> done = plus(turns, finished(now, pass));
    List<ParticipantId> waiting =
        pass && !current.secondChance() && !passed.contains(current.participantId())
            ? plus(passed, current.participantId())
            : passed;
    ParticipantId following = current.secondChance() ? null : followingInOrder(done);
    boolean secondChance = following == null;
    if (secondChance) {
      following =
          waiting.stream()
              .filter(id -> !id.equals(current.participantId()))
              .findFirst()
              .orElse(null);
    }
    if (following == null) {
      return ended(done, now);
    }
    Turn turn = Turn.start(following, turnMs, now, secondChance);
    return new RoundTable(
        order, hands, turnMs, warningMs, startedAt, endedAt, turn, minus(waiting, following), done);
  }

  /**
   * The person after the current speaker in the order; when the speaker is no longer in it (the
   * facilitator removed them), the first person of the order who has not had a turn yet.
   */
  private ParticipantId followingInOrder(List<SpokenTurn> done) {
    int at = order.indexOf(current.participantId());
    if (at >= 0) {
      return at + 1 < order.size() ? order.get(at + 1) : null;
    }
    return order.stream()
        .filter(id -> done.stream().noneMatch(turn -> turn.participantId().equals(id)))
        .findFirst()
        .orElse(null);
  }

  private SpokenTurn finished(long now, boolean pass) {
    return new SpokenTurn(
        current.participantId(),
        current.startedAt(),
        Math.max(now, current.startedAt()),
        current.spokenAt(now),
        pass,
        current.secondChance());
  }

  private RoundTable ended(List<SpokenTurn> done, long now) {
    return new RoundTable(order, hands, turnMs, warningMs, startedAt, now, null, List.of(), done);
  }

  private void requireRoomForTurns() {
    if (turns.size() >= MAX_TURNS) {
      throw new Facilitation.Refusal(
          RejectionCode.TOO_MANY_TURNS, "A round holds at most " + MAX_TURNS + " turns.");
    }
  }

  private RoundTable withHands(List<ParticipantId> newHands) {
    return new RoundTable(
        order, newHands, turnMs, warningMs, startedAt, endedAt, current, passed, turns);
  }

  private RoundTable withCurrent(Turn turn) {
    return new RoundTable(order, hands, turnMs, warningMs, startedAt, endedAt, turn, passed, turns);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static <T> List<T> plusFirst(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.remove(item);
    copy.add(0, item);
    return copy;
  }

  private static <T> List<T> minus(List<T> list, T item) {
    return list.stream().filter(element -> !element.equals(item)).toList();
  }
}
