package io.atelier.adapter.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RoundTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The round table (RT) in a JSON export (EX1) and back (EX2): the speaking order, the raised hands,
 * the turn length, the round being run or last run, and every turn's spoken time, so that a copy
 * keeps the speaking-time summary. Written field by field, like the rest of the export.
 */
final class RoundTableJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RoundTableJson() {}

  static ObjectNode write(RoundTable table) {
    ObjectNode node = NODES.objectNode();
    node.set("order", ids(table.order()));
    node.set("hands", ids(table.hands()));
    node.put("turnMs", table.turnMs())
        .put("warningMs", table.warningMs())
        .put("startedAt", table.startedAt())
        .put("endedAt", table.endedAt());
    RoundTable.Turn turn = table.current();
    if (turn == null) {
      node.putNull("current");
    } else {
      node.putObject("current")
          .put("participantId", turn.participantId().value())
          .put("startedAt", turn.startedAt())
          .put("durationMs", turn.durationMs())
          .put("deadline", turn.deadline())
          .put("remainingMs", turn.remainingMs())
          .put("resumedAt", turn.resumedAt())
          .put("spokenMs", turn.spokenMs())
          .put("secondChance", turn.secondChance());
    }
    node.set("passed", ids(table.passed()));
    ArrayNode turns = node.putArray("turns");
    for (RoundTable.SpokenTurn spoken : table.turns()) {
      turns
          .addObject()
          .put("participantId", spoken.participantId().value())
          .put("startedAt", spoken.startedAt())
          .put("endedAt", spoken.endedAt())
          .put("spokenMs", spoken.spokenMs())
          .put("passed", spoken.passed())
          .put("secondChance", spoken.secondChance());
    }
    return node;
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

  private static ArrayNode ids(List<ParticipantId> ids) {
    ArrayNode array = NODES.arrayNode();
    ids.forEach(id -> array.add(id.value()));
    return array;
  }

  private static List<ParticipantId> ids(StrictObject node, String name) {
    List<ParticipantId> ids = new ArrayList<>();
    for (String id : node.texts(name)) {
      ids.add(node.build(() -> new ParticipantId(id)));
    }
    return ids;
  }
}
