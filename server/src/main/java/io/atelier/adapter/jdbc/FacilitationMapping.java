package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;
import io.atelier.domain.Access;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Membership;
import io.atelier.domain.Note;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Privacy;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import io.atelier.domain.WorkshopContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a facilitator arranges (canvases, groups, roles, agenda, progress, timer) to and from the
 * journal's JSON, written by hand for the reason {@link JournalCodec} gives.
 */
final class FacilitationMapping {
  private FacilitationMapping() {}

  static ObjectNode state(FacilitationState state) {
    ObjectNode node = JournalCodec.object();
    ArrayNode canvases = node.putArray("canvases");
    state.canvases().forEach(canvas -> canvases.add(canvas(canvas)));
    ObjectNode groups = node.putObject("groups");
    state.groups().forEach((member, canvasId) -> groups.put(member.value(), canvasId));
    ArrayNode roles = node.putArray("roles");
    for (RoleMarker marker : state.roles()) {
      roles
          .addObject()
          .put("participantId", marker.participantId().value())
          .put("pillar", marker.pillar().code())
          .put("role", marker.role());
    }
    node.set("agenda", steps(state.agenda()));
    node.set("progress", progress(state.progress()));
    node.set("timer", timer(state.timer()));
    node.set("roundTable", RoundTableMapping.write(state.roundTable()));
    ArrayNode remote = node.putArray("remote");
    state.remote().forEach(id -> remote.add(id.value()));
    node.set("membership", membership(state.membership()));
    ObjectNode privacy = node.putObject("privacy");
    ArrayNode privateCanvases = privacy.putArray("private");
    state.privacy().privateCanvases().forEach(privateCanvases::add);
    ArrayNode anonymousCanvases = privacy.putArray("anonymous");
    state.privacy().anonymousCanvases().forEach(anonymousCanvases::add);
    ArrayNode clusters = node.putArray("clusters");
    state.clusters().forEach(cluster -> clusters.add(cluster(cluster)));
    node.set("votes", VoteMapping.votes(state.votes()));
    return node;
  }

  static FacilitationState state(JsonNode node) throws UndecodableException {
    List<Canvas> canvases = new ArrayList<>();
    for (JsonNode canvas : Fields.array(node, "canvases")) {
      canvases.add(canvas(canvas));
    }
    Map<ParticipantId, String> groups = new LinkedHashMap<>();
    var entries = Fields.object(node, "groups").fields();
    while (entries.hasNext()) {
      var entry = entries.next();
      groups.put(new ParticipantId(entry.getKey()), entry.getValue().asText());
    }
    List<RoleMarker> roles = new ArrayList<>();
    for (JsonNode role : Fields.array(node, "roles")) {
      roles.add(
          new RoleMarker(
              new ParticipantId(Fields.text(role, "participantId")),
              Pillar.fromCode(Fields.text(role, "pillar")),
              Fields.text(role, "role")));
    }
    // Documents written before AT1 do not say who is remote: nobody.
    List<ParticipantId> remote = new ArrayList<>();
    if (node.has("remote")) {
      for (JsonNode id : Fields.array(node, "remote")) {
        remote.add(new ParticipantId(id.asText()));
      }
    }
    return new FacilitationState(
        canvases,
        groups,
        roles,
        steps(Fields.array(node, "agenda")),
        progress(Fields.object(node, "progress")),
        timer(Fields.object(node, "timer")),
        // Documents written before the round table existed have none: an empty one.
        node.has("roundTable")
            ? RoundTableMapping.read(Fields.object(node, "roundTable"))
            : RoundTable.EMPTY,
        remote,
        // Documents written before roles and joining rules (RO): open, everyone a participant.
        node.has("membership") ? membership(Fields.object(node, "membership")) : Membership.OPEN,
        // Documents written before private writing (PW): every canvas public.
        node.has("privacy") ? privacy(Fields.object(node, "privacy")) : Privacy.NONE,
        clusters(node),
        // Documents written before dot voting (DV) hold no vote.
        node.has("votes") ? VoteMapping.votes(Fields.array(node, "votes")) : List.of());
  }

  static Privacy privacy(JsonNode node) throws UndecodableException {
    List<String> privateCanvases = new ArrayList<>();
    for (JsonNode id : Fields.array(node, "private")) {
      privateCanvases.add(id.asText());
    }
    List<String> anonymousCanvases = new ArrayList<>();
    for (JsonNode id : Fields.array(node, "anonymous")) {
      anonymousCanvases.add(id.asText());
    }
    return new Privacy(privateCanvases, anonymousCanvases);
  }

  /** Documents written before CL1 hold no clusters. */
  private static List<Cluster> clusters(JsonNode node) throws UndecodableException {
    List<Cluster> clusters = new ArrayList<>();
    if (node.has("clusters")) {
      for (JsonNode cluster : Fields.array(node, "clusters")) {
        clusters.add(cluster(cluster));
      }
    }
    return clusters;
  }

  static ObjectNode cluster(Cluster cluster) {
    ObjectNode node =
        JournalCodec.object()
            .put("id", cluster.id())
            .put("canvasId", cluster.canvasId())
            .put("title", cluster.title());
    ArrayNode noteIds = node.putArray("noteIds");
    cluster.noteIds().forEach(noteIds::add);
    return node;
  }

  static Cluster cluster(JsonNode node) throws UndecodableException {
    List<String> noteIds = new ArrayList<>();
    for (JsonNode id : Fields.array(node, "noteIds")) {
      if (!id.isTextual()) {
        throw new UndecodableException("\"noteIds\" must hold strings");
      }
      noteIds.add(id.textValue());
    }
    return new Cluster(
        Fields.text(node, "id"),
        Fields.text(node, "canvasId"),
        Fields.text(node, "title"),
        noteIds);
  }

  static ObjectNode membership(Membership membership) {
    ObjectNode node = JournalCodec.object();
    ObjectNode access = node.putObject("access");
    new TreeMap<>(
            membership.access().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        entry -> entry.getKey().value(), entry -> entry.getValue().code())))
        .forEach(access::put);
    ArrayNode removed = node.putArray("removed");
    membership.removed().forEach(id -> removed.add(id.value()));
    node.put("locked", membership.locked());
    node.put("passcodeHash", membership.passcodeHash());
    return node;
  }

  static Membership membership(JsonNode node) throws UndecodableException {
    Map<ParticipantId, Access> access = new LinkedHashMap<>();
    var entries = Fields.object(node, "access").fields();
    while (entries.hasNext()) {
      var entry = entries.next();
      access.put(new ParticipantId(entry.getKey()), EventMapping.access(entry.getValue().asText()));
    }
    List<ParticipantId> removed = new ArrayList<>();
    for (JsonNode id : Fields.array(node, "removed")) {
      removed.add(new ParticipantId(id.asText()));
    }
    return new Membership(
        access, removed, Fields.bool(node, "locked"), Fields.optionalText(node, "passcodeHash"));
  }

  static ObjectNode content(WorkshopContent content) {
    ObjectNode node = JournalCodec.object();
    ArrayNode participants = node.putArray("participants");
    content.participants().forEach(p -> participants.add(JournalCodec.participant(p)));
    ArrayNode notes = node.putArray("notes");
    content.notes().forEach(note -> notes.add(JournalCodec.note(note)));
    node.set("facilitation", state(content.facilitation()));
    return node;
  }

  static WorkshopContent content(JsonNode node) throws UndecodableException {
    List<Participant> participants = new ArrayList<>();
    for (JsonNode participant : Fields.array(node, "participants")) {
      participants.add(JournalCodec.participant(participant));
    }
    List<Note> notes = new ArrayList<>();
    for (JsonNode note : Fields.array(node, "notes")) {
      notes.add(JournalCodec.note(note));
    }
    return new WorkshopContent(participants, notes, state(Fields.object(node, "facilitation")));
  }

  static ObjectNode canvas(Canvas canvas) {
    ObjectNode node =
        JournalCodec.object()
            .put("id", canvas.id())
            .put("name", canvas.name())
            .put("template", canvas.templateId())
            .put("createdAt", canvas.createdAt())
            .put("deleted", canvas.deleted());
    if (canvas.locked()) {
      node.put("locked", true); // LK1; written only when true, so older documents read the same
    }
    return node;
  }

  static Canvas canvas(JsonNode node) throws UndecodableException {
    return new Canvas(
        Fields.text(node, "id"),
        Fields.text(node, "name"),
        Fields.text(node, "template"),
        Fields.integer(node, "createdAt"),
        Fields.bool(node, "deleted"),
        node.has("locked") && Fields.bool(node, "locked"));
  }

  static ArrayNode steps(List<AgendaStep> steps) {
    ArrayNode array = JournalCodec.object().arrayNode();
    for (AgendaStep step : steps) {
      ObjectNode node =
          array
              .addObject()
              .put("id", step.id())
              .put("kind", step.kind().code())
              .put("title", step.title())
              .put("body", step.body())
              .put("minutes", step.minutes())
              .put("template", step.templateId());
      node.put("pillarMinutes", step.pillarMinutes());
    }
    return array;
  }

  static List<AgendaStep> steps(JsonNode array) throws UndecodableException {
    List<AgendaStep> steps = new ArrayList<>();
    for (JsonNode step : array) {
      Long pillarMinutes = Fields.optionalInteger(step, "pillarMinutes");
      steps.add(
          new AgendaStep(
              Fields.text(step, "id"),
              StepKind.fromCode(Fields.text(step, "kind")),
              Fields.text(step, "title"),
              Fields.text(step, "body"),
              Math.toIntExact(Fields.integer(step, "minutes")),
              Fields.optionalText(step, "template"),
              pillarMinutes == null ? null : Math.toIntExact(pillarMinutes)));
    }
    return steps;
  }

  static ObjectNode progress(Progress progress) {
    ObjectNode node =
        JournalCodec.object()
            .put("currentStepId", progress.currentStepId())
            .put("stepStartedAt", progress.stepStartedAt())
            .put("agendaStartedAt", progress.agendaStartedAt())
            .put("roaming", progress.roaming());
    node.put("focusPillar", progress.focusPillar() == null ? null : progress.focusPillar().code());
    return node;
  }

  static Progress progress(JsonNode node) throws UndecodableException {
    String focus = Fields.optionalText(node, "focusPillar");
    return new Progress(
        Fields.optionalText(node, "currentStepId"),
        Fields.optionalInteger(node, "stepStartedAt"),
        Fields.optionalInteger(node, "agendaStartedAt"),
        Fields.bool(node, "roaming"),
        focus == null ? null : Pillar.fromCode(focus));
  }

  static ObjectNode timer(Timer timer) {
    return JournalCodec.object()
        .put("status", timer.status().code())
        .put("durationMs", timer.durationMs())
        .put("deadline", timer.deadline())
        .put("remainingMs", timer.remainingMs());
  }

  static Timer timer(JsonNode node) throws UndecodableException {
    return new Timer(
        Timer.Status.fromCode(Fields.text(node, "status")),
        Fields.integer(node, "durationMs"),
        Fields.optionalInteger(node, "deadline"),
        Fields.optionalInteger(node, "remainingMs"));
  }
}
