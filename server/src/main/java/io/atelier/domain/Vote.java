package io.atelier.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One dot vote on a canvas (DV1 to DV4), as an immutable value: its settings, the ballot (the notes
 * in scope when it opened, oldest first), every dot given, and once closed the ranked results. Each
 * change makes a new value, so replaying the journal only installs what the events say.
 *
 * @param pillar the pillar whose zone chose the ballot, or null for the whole canvas
 * @param maxPerNote how many of a person's dots one note may take, or null for no limit
 * @param closedAt null while people vote
 * @param dots one entry per person and note with at least one dot, in the order first given
 * @param results empty while open; once closed, every note of the ballot still alive, ranked
 */
public record Vote(
    String id,
    String canvasId,
    Pillar pillar,
    int dotsPerPerson,
    Integer maxPerNote,
    boolean secret,
    long openedAt,
    Long closedAt,
    List<String> noteIds,
    List<Dots> dots,
    List<Result> results)
    implements Serializable {
  public static final int MAX_DOTS = 20;

  /** How many dots one person put on one note. */
  public record Dots(ParticipantId participantId, String noteId, int count)
      implements Serializable {
    public Dots {
      if (participantId == null || count < 1) {
        throw new InvalidValueException("dots need a person and a positive count");
      }
      Checks.identifier(noteId, "noteId");
    }
  }

  /** A note's place in a closed vote: DV3 ranks by dots, then by how many people gave them. */
  public record Result(String noteId, int dots, int voters, int rank) implements Serializable {
    public Result {
      Checks.identifier(noteId, "noteId");
      if (dots < 0 || voters < 0 || voters > dots || rank < 1) {
        throw new InvalidValueException("a result needs dots >= voters >= 0 and a rank from 1");
      }
    }
  }

  public Vote {
    Checks.identifier(id, "voteId");
    Checks.identifier(canvasId, "canvasId");
    checkSettings(dotsPerPerson, maxPerNote);
    noteIds = List.copyOf(noteIds);
    dots = List.copyOf(dots);
    results = List.copyOf(results);
    if (new HashSet<>(noteIds).size() != noteIds.size()) {
      throw new InvalidValueException("a note appears twice on the ballot of vote " + id);
    }
  }

  /** DV1: 1 to 20 dots a person; a limit per note, when given, from 1 to that number. */
  public static void checkSettings(int dotsPerPerson, Integer maxPerNote) {
    if (dotsPerPerson < 1 || dotsPerPerson > MAX_DOTS) {
      throw new InvalidValueException("dotsPerPerson must be between 1 and " + MAX_DOTS);
    }
    if (maxPerNote != null && (maxPerNote < 1 || maxPerNote > dotsPerPerson)) {
      throw new InvalidValueException("maxPerNote must be between 1 and dotsPerPerson");
    }
  }

  /** A vote just opened: a ballot, no dots yet. */
  public static Vote opened(
      String id,
      String canvasId,
      Pillar pillar,
      int dotsPerPerson,
      Integer maxPerNote,
      boolean secret,
      long at,
      List<String> ballot) {
    return new Vote(
        id,
        canvasId,
        pillar,
        dotsPerPerson,
        maxPerNote,
        secret,
        at,
        null,
        ballot,
        List.of(),
        List.of());
  }

  public boolean open() {
    return closedAt == null;
  }

  /** How many dots a person has on a note. */
  public int dotsOn(ParticipantId voter, String noteId) {
    return dots.stream()
        .filter(d -> d.participantId().equals(voter) && d.noteId().equals(noteId))
        .mapToInt(Dots::count)
        .sum();
  }

  /**
   * DV2: the dots a person has spent, on notes still alive (a deleted note gives its dots back).
   */
  public int spent(ParticipantId voter, Predicate<String> alive) {
    return dots.stream()
        .filter(d -> d.participantId().equals(voter) && alive.test(d.noteId()))
        .mapToInt(Dots::count)
        .sum();
  }

  /** One more dot of {@code voter} on {@code noteId}; the caller checked the limits (DV2). */
  public Vote withDot(ParticipantId voter, String noteId, int delta) {
    List<Dots> next = new ArrayList<>();
    boolean found = false;
    for (Dots d : dots) {
      if (d.participantId().equals(voter) && d.noteId().equals(noteId)) {
        found = true;
        if (d.count() + delta > 0) {
          next.add(new Dots(voter, noteId, d.count() + delta));
        }
      } else {
        next.add(d);
      }
    }
    if (!found && delta > 0) {
      next.add(new Dots(voter, noteId, delta));
    }
    return withDots(next);
  }

  /** DV3: the vote closed at {@code at} with these results. */
  public Vote closed(long at, List<Result> ranked) {
    return new Vote(
        id,
        canvasId,
        pillar,
        dotsPerPerson,
        maxPerNote,
        secret,
        openedAt,
        at,
        noteIds,
        dots,
        ranked);
  }

  /**
   * DV3: the notes of the ballot still alive, ranked by dots, then by the number of people who gave
   * them (broader support first); notes equal on both share a rank and keep the ballot's order
   * (oldest note first). Ranks count the notes before: 1, 2, 2, 4.
   */
  public List<Result> rank(Predicate<String> alive) {
    Map<String, Integer> totals = new HashMap<>();
    Map<String, Set<ParticipantId>> givers = new HashMap<>();
    for (Dots d : dots) {
      totals.merge(d.noteId(), d.count(), Integer::sum);
      givers.computeIfAbsent(d.noteId(), n -> new HashSet<>()).add(d.participantId());
    }
    List<Result> unranked = new ArrayList<>();
    for (String noteId : noteIds) {
      if (alive.test(noteId)) {
        int voters = givers.getOrDefault(noteId, Set.of()).size();
        unranked.add(new Result(noteId, totals.getOrDefault(noteId, 0), voters, 1));
      }
    }
    Comparator<Result> order =
        Comparator.comparingInt((Result r) -> -r.dots()).thenComparingInt(r -> -r.voters());
    List<Result> sorted = unranked.stream().sorted(order).toList(); // stable: ballot order kept
    List<Result> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Result result = sorted.get(i);
      int rank =
          i == 0 || order.compare(sorted.get(i - 1), result) != 0
              ? i + 1
              : ranked.get(i - 1).rank();
      ranked.add(new Result(result.noteId(), result.dots(), result.voters(), rank));
    }
    return ranked;
  }

  /**
   * DV4: the vote as {@code reader} may see it: a secret vote shows a reader only their own dots,
   * before and after it closes (the results then give the totals); a public one shows every dot.
   */
  public Vote readBy(ParticipantId reader) {
    if (!secret) {
      return this;
    }
    List<Dots> own = dots.stream().filter(d -> d.participantId().equals(reader)).toList();
    return withDots(own);
  }

  private Vote withDots(List<Dots> newDots) {
    return new Vote(
        id,
        canvasId,
        pillar,
        dotsPerPerson,
        maxPerNote,
        secret,
        openedAt,
        closedAt,
        noteIds,
        newDots,
        results);
  }
}
