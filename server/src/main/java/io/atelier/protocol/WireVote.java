package io.atelier.protocol;

import io.atelier.domain.Vote;
import java.util.List;

/**
 * A dot vote on the wire (DV1 to DV4), in snapshots, in {@code vote_opened} and in JSON exports:
 * its settings, the ballot, the dots the reader may see, and the results once closed.
 */
public record WireVote(
    String id,
    String canvasId,
    String pillar,
    int dotsPerPerson,
    Integer maxPerNote,
    boolean secret,
    long openedAt,
    Long closedAt,
    List<String> noteIds,
    List<WireDots> dots,
    List<WireResult> results) {

  /** How many dots one person put on one note. */
  public record WireDots(String participantId, String noteId, int count) {}

  /** A note's place in a closed vote (DV3). */
  public record WireResult(String noteId, int dots, int voters, int rank) {
    public static WireResult of(Vote.Result result) {
      return new WireResult(result.noteId(), result.dots(), result.voters(), result.rank());
    }
  }

  public static WireVote of(Vote vote) {
    return new WireVote(
        vote.id(),
        vote.canvasId(),
        vote.pillar() == null ? null : vote.pillar().code(),
        vote.dotsPerPerson(),
        vote.maxPerNote(),
        vote.secret(),
        vote.openedAt(),
        vote.closedAt(),
        vote.noteIds(),
        vote.dots().stream()
            .map(d -> new WireDots(d.participantId().value(), d.noteId(), d.count()))
            .toList(),
        results(vote.results()));
  }

  public static List<WireResult> results(List<Vote.Result> results) {
    return results.stream().map(WireResult::of).toList();
  }
}
