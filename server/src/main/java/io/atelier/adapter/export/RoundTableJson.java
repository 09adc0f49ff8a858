package io.atelier.adapter.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RoundTable;
import io.atelier.protocol.WireFacilitation;
import java.util.ArrayList;
import java.util.List;

/**
 * The round table (RT) in a JSON export (EX1) and back (EX2): the speaking order, the raised hands,
 * the turn length, the round being run or last run, and every turn's spoken time, so that a copy
 * keeps the speaking-time summary. Written field by field, like the rest of the export.
 */
final class RoundTableJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RoundTableJson() {}

  /** In the shape of the snapshot's {@code roundTable} (docs/protocol.md), as the export says. */
  static ObjectNode write(RoundTable table) {
    return MAPPER.valueToTree(WireFacilitation.WireRoundTable.of(table));
  }

  /** Reads strictly; an export from before round tables has none, and gets an empty one. */
  static RoundTable read(StrictObject root) {
    if (!root.has("roundTable")) {
      return RoundTable.EMPTY;
    }
    StrictObject node = root.object("roundTable");
    List<ParticipantId> order = ids(node, "order");
    List<ParticipantId> hands = ids(node, "hands");
    long turnMs = node.integer("turnMs");
    long warningMs = node.integer("warningMs");
    Long startedAt = node.optionalInteger("startedAt");
    Long endedAt = node.optionalInteger("endedAt");
    StrictObject current = node.optionalObject("current");
    RoundTable.Turn turn = current == null ? null : turn(current);
    List<ParticipantId> passed = ids(node, "passed");
    List<RoundTable.SpokenTurn> turns = new ArrayList<>();
    for (StrictObject spoken : node.objects("turns")) {
      turns.add(spoken(spoken));
    }
    node.done();
    return node.build(
        () ->
            new RoundTable(
                order, hands, turnMs, warningMs, startedAt, endedAt, turn, passed, turns));
  }

  private static RoundTable.Turn turn(StrictObject t) {
    String speaker = t.text("participantId");
    long startedAt = t.integer("startedAt");
    long durationMs = t.integer("durationMs");
    Long deadline = t.optionalInteger("deadline");
    Long remainingMs = t.optionalInteger("remainingMs");
    Long resumedAt = t.optionalInteger("resumedAt");
    long spokenMs = t.integer("spokenMs");
    boolean secondChance = t.bool("secondChance");
    t.done();
    return t.build(
        () ->
            new RoundTable.Turn(
                new ParticipantId(speaker),
                startedAt,
                durationMs,
                deadline,
                remainingMs,
                resumedAt,
                spokenMs,
                secondChance));
  }

  private static RoundTable.SpokenTurn spoken(StrictObject s) {
    String speaker = s.text("participantId");
    long startedAt = s.integer("startedAt");
    long endedAt = s.integer("endedAt");
    long spokenMs = s.integer("spokenMs");
    boolean passed = s.bool("passed");
    boolean secondChance = s.bool("secondChance");
    s.done();
    return s.build(
        () ->
            new RoundTable.SpokenTurn(
                new ParticipantId(speaker), startedAt, endedAt, spokenMs, passed, secondChance));
  }

  static List<ParticipantId> ids(StrictObject node, String name) {
    List<ParticipantId> ids = new ArrayList<>();
    for (String id : node.texts(name)) {
      ids.add(node.build(() -> new ParticipantId(id)));
    }
    return ids;
  }
}
