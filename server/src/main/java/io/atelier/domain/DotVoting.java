package io.atelier.domain;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The dot votes of a workshop (DV1 to DV4): at most one per canvas, open or closed. A closed vote
 * stays, with its results, until the facilitator clears it or opens another on the canvas. {@link
 * Facilitation} hands it every {@link Change.VoteChange}; like its owner it is not thread safe.
 */
final class DotVoting implements Serializable {
  private final LinkedHashMap<String, Vote> byCanvas = new LinkedHashMap<>();

  List<Vote> votes() {
    return List.copyOf(byCanvas.values());
  }

  void install(List<Vote> saved) {
    byCanvas.clear();
    saved.forEach(vote -> byCanvas.put(vote.canvasId(), vote));
  }

  /** CV3: a deleted canvas takes its vote with it. */
  void dropCanvas(String canvasId) {
    byCanvas.remove(canvasId);
  }

  /**
   * Decides one vote change; throws {@link Facilitation.Refusal} when the rules say no. {@code
   * liveCanvas} gives a live canvas or refuses with {@code unknown_canvas}.
   */
  Event decide(
      ParticipantId author,
      Change.VoteChange change,
      long next,
      long now,
      Function<String, Canvas> liveCanvas,
      Predicate<String> isPrivate,
      Function<String, List<Note>> liveNotesOf) {
    String changeId = change.changeId();
    if (change instanceof Change.OpenVote open) {
      Canvas canvas = liveCanvas.apply(open.canvasId());
      if (isPrivate.test(canvas.id())) {
        throw refusal(RejectionCode.PRIVATE_CANVAS, "Reveal the canvas before voting on it.");
      }
      return new Event.VoteOpened(next, changeId, author, open(open, canvas, now, liveNotesOf));
    }
    Vote vote = current(change.voteId());
    if (change instanceof Change.ClearVote) {
      return new Event.VoteCleared(next, changeId, author, vote.canvasId(), vote.id());
    }
    if (!vote.open()) {
      throw refusal(RejectionCode.NO_VOTE, "Vote " + vote.id() + " is closed.");
    }
    Set<String> alive = alive(vote, liveNotesOf);
    if (change instanceof Change.CloseVote) {
      return new Event.VoteClosed(
          next, changeId, author, vote.canvasId(), vote.id(), now, vote.rank(alive::contains));
    }
    Change.CastDot cast = (Change.CastDot) change;
    String noteId = cast.noteId();
    if (!alive.contains(noteId)) {
      throw refusal(RejectionCode.NOT_IN_VOTE, "Note " + noteId + " is not in this vote.");
    }
    int onNote = vote.dotsOn(author, noteId);
    if (cast.placed()) {
      if (vote.spent(author, alive::contains) >= vote.dotsPerPerson()) {
        throw refusal(RejectionCode.NO_DOTS_LEFT, "You have placed all your dots.");
      }
      if (vote.maxPerNote() != null && onNote >= vote.maxPerNote()) {
        throw refusal(
            RejectionCode.NOTE_LIMIT, "A note takes at most " + vote.maxPerNote() + " of yours.");
      }
    } else if (onNote == 0) {
      throw refusal(RejectionCode.NO_DOT, "You have no dot on note " + noteId + ".");
    }
    return new Event.DotCast(
        next, changeId, author, vote.canvasId(), vote.id(), noteId, cast.placed());
  }

  /** DV1: the ballot is the live notes in scope now, oldest first; it does not change after. */
  private Vote open(
      Change.OpenVote open, Canvas canvas, long now, Function<String, List<Note>> liveNotesOf) {
    Vote there = byCanvas.get(canvas.id());
    if (there != null && there.open()) {
      throw refusal(RejectionCode.VOTE_OPEN, "Close the vote running on this canvas first.");
    }
    if (byCanvas.values().stream().anyMatch(vote -> vote.id().equals(open.voteId()))) {
      throw refusal(RejectionCode.VOTE_EXISTS, "Vote " + open.voteId() + " exists.");
    }
    List<Note> notes = liveNotesOf.apply(canvas.id());
    if (open.pillar() != null) {
      CanvasTemplate layout =
          open.layouts().stream()
              .filter(template -> template.id().equals(canvas.templateId()))
              .findFirst()
              .filter(template -> hasZoneOf(template, open.pillar()))
              .orElseThrow(
                  () ->
                      refusal(
                          RejectionCode.NO_PILLAR_ZONE,
                          "This canvas has no zone for " + open.pillar().code() + "."));
      // CV5: a note is in the zone that holds its centre, the first listed where zones overlap.
      notes =
          notes.stream()
              .filter(
                  note -> layout.zoneOf(note).flatMap(Zone::pillar).orElse(null) == open.pillar())
              .toList();
    }
    List<String> ballot =
        notes.stream()
            .sorted(Comparator.comparingLong(Note::createdAt).thenComparingLong(Note::z))
            .map(Note::id)
            .toList();
    return Vote.opened(
        open.voteId(),
        canvas.id(),
        open.pillar(),
        open.dotsPerPerson(),
        open.maxPerNote(),
        open.secret(),
        now,
        ballot);
  }

  private static boolean hasZoneOf(CanvasTemplate template, Pillar pillar) {
    return template.zones().stream().anyMatch(zone -> zone.pillar().orElse(null) == pillar);
  }

  /** The notes of the ballot that are still alive: a deleted note leaves the vote (DV2). */
  private static Set<String> alive(Vote vote, Function<String, List<Note>> liveNotesOf) {
    Set<String> live =
        liveNotesOf.apply(vote.canvasId()).stream().map(Note::id).collect(Collectors.toSet());
    return vote.noteIds().stream().filter(live::contains).collect(Collectors.toSet());
  }

  private Vote current(String voteId) {
    return byCanvas.values().stream()
        .filter(vote -> vote.id().equals(voteId))
        .findFirst()
        .orElseThrow(() -> refusal(RejectionCode.NO_VOTE, "No vote " + voteId + "."));
  }

  /** Applies a committed vote event: after {@link #decide}, and when a journal is replayed. */
  void replay(Event event) {
    if (event instanceof Event.VoteOpened e) {
      byCanvas.put(e.vote().canvasId(), e.vote());
    } else if (event instanceof Event.DotCast e) {
      Vote vote = byCanvas.get(e.canvasId());
      if (vote != null && vote.id().equals(e.voteId())) {
        byCanvas.put(
            e.canvasId(), vote.withDot(e.participantId(), e.noteId(), e.placed() ? 1 : -1));
      }
    } else if (event instanceof Event.VoteClosed e) {
      Vote vote = byCanvas.get(e.canvasId());
      if (vote != null && vote.id().equals(e.voteId())) {
        byCanvas.put(e.canvasId(), vote.closed(e.closedAt(), e.results()));
      }
    } else if (event instanceof Event.VoteCleared e) {
      Vote vote = byCanvas.get(e.canvasId());
      if (vote != null && vote.id().equals(e.voteId())) {
        byCanvas.remove(e.canvasId());
      }
    }
  }

  /** DV4: a dot of a secret vote is its voter's alone to read until the vote closes. */
  Visibility visibilityOf(Event event) {
    if (event instanceof Event.DotCast e) {
      Vote vote = byCanvas.get(e.canvasId());
      if (vote != null && vote.secret()) {
        return Visibility.hidden(e.participantId(), e.canvasId(), "vote");
      }
    }
    return Visibility.PUBLIC;
  }

  private static Facilitation.Refusal refusal(RejectionCode code, String message) {
    return new Facilitation.Refusal(code, message);
  }
}
