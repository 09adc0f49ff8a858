package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RoundTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The round table (RT) to and from the journal's JSON, written by hand for the reason {@link
 * JournalCodec} gives. The field names are part of the stored format: never renamed.
 */
final class RoundTableMapping {
  private RoundTableMapping() {}

  static ObjectNode write(RoundTable table) {
    ObjectNode node = JournalCodec.object();
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

  static RoundTable read(JsonNode node) throws UndecodableException {
    JsonNode current = node.get("current");
    RoundTable.Turn turn = null;
    if (current != null && !current.isNull()) {
      turn =
          new RoundTable.Turn(
              participant(current),
              Fields.integer(current, "startedAt"),
              Fields.integer(current, "durationMs"),
              Fields.optionalInteger(current, "deadline"),
              Fields.optionalInteger(current, "remainingMs"),
              Fields.optionalInteger(current, "resumedAt"),
              Fields.integer(current, "spokenMs"),
              Fields.bool(current, "secondChance"));
    }
    List<RoundTable.SpokenTurn> turns = new ArrayList<>();
    for (JsonNode spoken : Fields.array(node, "turns")) {
      turns.add(
          new RoundTable.SpokenTurn(
              participant(spoken),
              Fields.integer(spoken, "startedAt"),
              Fields.integer(spoken, "endedAt"),
              Fields.integer(spoken, "spokenMs"),
              Fields.bool(spoken, "passed"),
              Fields.bool(spoken, "secondChance")));
    }
    return new RoundTable(
        ids(Fields.array(node, "order")),
        ids(Fields.array(node, "hands")),
        Fields.integer(node, "turnMs"),
        Fields.integer(node, "warningMs"),
        Fields.optionalInteger(node, "startedAt"),
        Fields.optionalInteger(node, "endedAt"),
        turn,
        ids(Fields.array(node, "passed")),
        turns);
  }

  private static ParticipantId participant(JsonNode node) throws UndecodableException {
    return new ParticipantId(Fields.text(node, "participantId"));
  }

  private static ArrayNode ids(List<ParticipantId> ids) {
    ArrayNode array = JournalCodec.object().arrayNode();
    ids.forEach(id -> array.add(id.value()));
    return array;
  }

  private static List<ParticipantId> ids(JsonNode array) throws UndecodableException {
    List<ParticipantId> ids = new ArrayList<>();
    for (JsonNode id : array) {
      if (!id.isTextual()) {
        throw new UndecodableException("a participant id must be a string");
      }
      ids.add(new ParticipantId(id.textValue()));
    }
    return ids;
  }
}
