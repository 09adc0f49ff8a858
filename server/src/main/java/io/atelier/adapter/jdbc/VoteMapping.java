package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Vote;
import java.util.ArrayList;
import java.util.List;

/**
 * Dot votes (DV) and their events to and from the journal's JSON, written by hand for the reason
 * {@link JournalCodec} gives. Field and type names are part of the stored format: never renamed.
 */
final class VoteMapping {
  static final String VOTE_OPENED = "vote_opened";
  static final String DOT_CAST = "dot_cast";
  static final String VOTE_CLOSED = "vote_closed";
  static final String VOTE_CLEARED = "vote_cleared";
  static final List<String> EVENT_TYPES = List.of(VOTE_OPENED, DOT_CAST, VOTE_CLOSED, VOTE_CLEARED);

  private VoteMapping() {}

  static boolean isVoteEvent(Event event) {
    return event instanceof Event.VoteOpened
        || event instanceof Event.DotCast
        || event instanceof Event.VoteClosed
        || event instanceof Event.VoteCleared;
  }

  /** Fills {@code node}, which already holds the revision and change id. */
  static void writeEvent(Event event, ObjectNode node) {
    if (event instanceof Event.VoteOpened e) {
      node.put("type", VOTE_OPENED).put("participantId", id(e.participantId()));
      node.set("vote", vote(e.vote()));
    } else if (event instanceof Event.DotCast e) {
      node.put("type", DOT_CAST).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId()).put("voteId", e.voteId()).put("noteId", e.noteId());
      node.put("placed", e.placed());
    } else if (event instanceof Event.VoteClosed e) {
      node.put("type", VOTE_CLOSED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId()).put("voteId", e.voteId()).put("closedAt", e.closedAt());
      node.set("results", results(e.results()));
    } else {
      Event.VoteCleared e = (Event.VoteCleared) event;
      node.put("type", VOTE_CLEARED).put("participantId", id(e.participantId()));
      node.put("canvasId", e.canvasId()).put("voteId", e.voteId());
    }
  }

  static Event readEvent(
      String type, long revision, String changeId, ParticipantId author, JsonNode node)
      throws UndecodableException {
    return switch (type) {
      case VOTE_OPENED ->
          new Event.VoteOpened(revision, changeId, author, vote(Fields.object(node, "vote")));
      case DOT_CAST ->
          new Event.DotCast(
              revision,
              changeId,
              author,
              Fields.text(node, "canvasId"),
              Fields.text(node, "voteId"),
              Fields.text(node, "noteId"),
              Fields.bool(node, "placed"));
      case VOTE_CLOSED ->
          new Event.VoteClosed(
              revision,
              changeId,
              author,
              Fields.text(node, "canvasId"),
              Fields.text(node, "voteId"),
              Fields.integer(node, "closedAt"),
              results(Fields.array(node, "results")));
      default ->
          new Event.VoteCleared(
              revision,
              changeId,
              author,
              Fields.text(node, "canvasId"),
              Fields.text(node, "voteId"));
    };
  }

  static ArrayNode votes(List<Vote> votes) {
    ArrayNode array = JournalCodec.object().arrayNode();
    votes.forEach(vote -> array.add(vote(vote)));
    return array;
  }

  static List<Vote> votes(JsonNode array) throws UndecodableException {
    List<Vote> votes = new ArrayList<>();
    for (JsonNode vote : array) {
      votes.add(vote(vote));
    }
    return votes;
  }

  static ObjectNode vote(Vote vote) {
    ObjectNode node =
        JournalCodec.object()
            .put("id", vote.id())
            .put("canvasId", vote.canvasId())
            .put("pillar", vote.pillar() == null ? null : vote.pillar().code())
            .put("dotsPerPerson", vote.dotsPerPerson())
            .put("maxPerNote", vote.maxPerNote())
            .put("secret", vote.secret())
            .put("openedAt", vote.openedAt())
            .put("closedAt", vote.closedAt());
    ArrayNode ballot = node.putArray("noteIds");
    vote.noteIds().forEach(ballot::add);
    ArrayNode dots = node.putArray("dots");
    for (Vote.Dots d : vote.dots()) {
      dots.addObject()
          .put("participantId", d.participantId().value())
          .put("noteId", d.noteId())
          .put("count", d.count());
    }
    node.set("results", results(vote.results()));
    return node;
  }

  static Vote vote(JsonNode node) throws UndecodableException {
    String pillar = Fields.optionalText(node, "pillar");
    Long maxPerNote = Fields.optionalInteger(node, "maxPerNote");
    List<String> ballot = new ArrayList<>();
    for (JsonNode noteId : Fields.array(node, "noteIds")) {
      if (!noteId.isTextual()) {
        throw new UndecodableException("a note id of a ballot must be a string");
      }
      ballot.add(noteId.textValue());
    }
    List<Vote.Dots> dots = new ArrayList<>();
    for (JsonNode d : Fields.array(node, "dots")) {
      dots.add(
          new Vote.Dots(
              new ParticipantId(Fields.text(d, "participantId")),
              Fields.text(d, "noteId"),
              Math.toIntExact(Fields.integer(d, "count"))));
    }
    return new Vote(
        Fields.text(node, "id"),
        Fields.text(node, "canvasId"),
        pillar == null ? null : Pillar.fromCode(pillar),
        Math.toIntExact(Fields.integer(node, "dotsPerPerson")),
        maxPerNote == null ? null : Math.toIntExact(maxPerNote),
        Fields.bool(node, "secret"),
        Fields.integer(node, "openedAt"),
        Fields.optionalInteger(node, "closedAt"),
        ballot,
        dots,
        results(Fields.array(node, "results")));
  }

  private static ArrayNode results(List<Vote.Result> results) {
    ArrayNode array = JournalCodec.object().arrayNode();
    for (Vote.Result r : results) {
      array
          .addObject()
          .put("noteId", r.noteId())
          .put("dots", r.dots())
          .put("voters", r.voters())
          .put("rank", r.rank());
    }
    return array;
  }

  private static List<Vote.Result> results(JsonNode array) throws UndecodableException {
    List<Vote.Result> results = new ArrayList<>();
    for (JsonNode r : array) {
      results.add(
          new Vote.Result(
              Fields.text(r, "noteId"),
              Math.toIntExact(Fields.integer(r, "dots")),
              Math.toIntExact(Fields.integer(r, "voters")),
              Math.toIntExact(Fields.integer(r, "rank"))));
    }
    return results;
  }

  private static String id(ParticipantId id) {
    return id == null ? null : id.value();
  }
}
