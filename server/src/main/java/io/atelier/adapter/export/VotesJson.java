package io.atelier.adapter.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Vote;
import io.atelier.protocol.WireVote;
import java.util.ArrayList;
import java.util.List;

/**
 * The dot votes (DV) in a JSON export (EX1) and back (EX2), in the shape of the snapshot's {@code
 * votes}. A secret vote travels without its dots, open or closed: who gave which dot never leaves
 * the server, not even to the facilitator (DV4); its results, once closed, do.
 */
final class VotesJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private VotesJson() {}

  static ArrayNode write(List<Vote> votes) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Vote vote : votes) {
      array.add(MAPPER.valueToTree(WireVote.of(vote.readBy(null))));
    }
    return array;
  }

  /** Reads strictly; an export from before dot voting has no votes. */
  static List<Vote> read(StrictObject root) {
    List<Vote> votes = new ArrayList<>();
    if (!root.has("votes")) {
      return votes;
    }
    for (StrictObject v : root.objects("votes")) {
      votes.add(vote(v));
    }
    return votes;
  }

  private static Vote vote(StrictObject v) {
    String id = v.text("id");
    String canvasId = v.text("canvasId");
    String pillar = v.optionalText("pillar");
    int dotsPerPerson = v.smallInteger("dotsPerPerson");
    Integer maxPerNote = v.optionalSmallInteger("maxPerNote");
    boolean secret = v.bool("secret");
    long openedAt = v.integer("openedAt");
    Long closedAt = v.optionalInteger("closedAt");
    List<String> noteIds = v.texts("noteIds");
    List<Vote.Dots> dots = new ArrayList<>();
    for (StrictObject d : v.objects("dots")) {
      String participantId = d.text("participantId");
      String noteId = d.text("noteId");
      int count = d.smallInteger("count");
      d.done();
      dots.add(d.build(() -> new Vote.Dots(new ParticipantId(participantId), noteId, count)));
    }
    List<Vote.Result> results = new ArrayList<>();
    for (StrictObject r : v.objects("results")) {
      String noteId = r.text("noteId");
      int total = r.smallInteger("dots");
      int voters = r.smallInteger("voters");
      int rank = r.smallInteger("rank");
      r.done();
      results.add(r.build(() -> new Vote.Result(noteId, total, voters, rank)));
    }
    v.done();
    return v.build(
        () ->
            new Vote(
                id,
                canvasId,
                pillar == null ? null : Pillar.fromCode(pillar),
                dotsPerPerson,
                maxPerNote,
                secret,
                openedAt,
                closedAt,
                noteIds,
                secret ? List.of() : dots,
                results));
  }
}
