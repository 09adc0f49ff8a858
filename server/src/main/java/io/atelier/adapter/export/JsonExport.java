package io.atelier.adapter.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.application.StoredImage;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Note;
import io.atelier.domain.Participant;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.Timer;
import io.atelier.domain.WorkshopContent;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;

/**
 * The complete, machine-readable export (EX1): a versioned document that {@link JsonImport} turns
 * back into a workshop (EX2). Written field by field from the domain, in the wire protocol's shapes
 * and names (times are epoch milliseconds), so that renaming a Java field can never change the
 * format unnoticed. It never holds a secret: no facilitator key and no participant token hash.
 */
final class JsonExport {
  static final String FORMAT = "atelier-export";
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonExport() {}

  static String write(WorkshopExport export, Instant exportedAt) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(export, exportedAt));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("A tree of plain nodes always serialises", e);
    }
  }

  static ObjectNode document(WorkshopExport export, Instant exportedAt) {
    WorkshopContent content = export.content();
    FacilitationState arranged = content.facilitation();
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("exportedAt", exportedAt.toEpochMilli());
    root.putObject("workshop")
        .put("title", export.title())
        .put("language", export.language().code())
        .put("createdAt", export.createdAt());
    ArrayNode participants = root.putArray("participants");
    for (Participant participant : content.participants()) {
      participants
          .addObject()
          .put("id", participant.id().value())
          .put("name", participant.name())
          .put("color", participant.color());
    }
    ArrayNode canvases = root.putArray("canvases");
    for (Canvas canvas : arranged.canvases()) {
      canvases
          .addObject()
          .put("id", canvas.id())
          .put("name", canvas.name())
          .put("template", canvas.templateId())
          .put("createdAt", canvas.createdAt())
          .put("locked", canvas.locked());
    }
    ObjectNode groups = root.putObject("groups");
    // Sorted: a map's order is not its content, and two exports of one workshop read the same.
    arranged.groups().entrySet().stream()
        .sorted(Comparator.comparing(entry -> entry.getKey().value()))
        .forEach(entry -> groups.put(entry.getKey().value(), entry.getValue()));
    ArrayNode roles = root.putArray("roles");
    for (RoleMarker marker : arranged.roles()) {
      roles
          .addObject()
          .put("participantId", marker.participantId().value())
          .put("pillar", marker.pillar().code())
          .put("role", marker.role());
    }
    ArrayNode agenda = root.putArray("agenda");
    arranged.agenda().forEach(step -> agenda.add(step(step)));
    root.set("progress", progress(arranged.progress()));
    root.set("timer", timer(arranged.timer()));
    root.set("roundTable", RoundTableJson.write(arranged.roundTable()));
    ArrayNode remote = root.putArray("remote");
    arranged.remote().forEach(id -> remote.add(id.value()));
    // RO: who facilitates or observes, who was removed, whether it is locked; never the passcode.
    ObjectNode membership = root.putObject("membership");
    ObjectNode access = membership.putObject("access");
    arranged.membership().access().entrySet().stream()
        .sorted(Comparator.comparing(entry -> entry.getKey().value()))
        .forEach(entry -> access.put(entry.getKey().value(), entry.getValue().code()));
    ArrayNode removed = membership.putArray("removed");
    arranged.membership().removed().forEach(id -> removed.add(id.value()));
    membership.put("locked", arranged.membership().locked());
    ObjectNode privacy = root.putObject("privacy");
    ArrayNode privateCanvases = privacy.putArray("private");
    arranged.privacy().privateCanvases().forEach(privateCanvases::add);
    ArrayNode anonymousCanvases = privacy.putArray("anonymous");
    arranged.privacy().anonymousCanvases().forEach(anonymousCanvases::add);
    ArrayNode clusters = root.putArray("clusters");
    for (Cluster cluster : arranged.clusters()) {
      ObjectNode node =
          clusters
              .addObject()
              .put("id", cluster.id())
              .put("canvasId", cluster.canvasId())
              .put("title", cluster.title());
      ArrayNode noteIds = node.putArray("noteIds");
      cluster.noteIds().forEach(noteIds::add);
    }
    root.set("votes", VotesJson.write(arranged.votes())); // DV
    ArrayNode notes = root.putArray("notes");
    content.notes().forEach(note -> notes.add(note(note)));
    // Complete: the images step texts show travel with them, bytes in base64, ids unchanged.
    ArrayNode images = root.putArray("images");
    for (StoredImage image : export.images()) {
      images
          .addObject()
          .put("id", image.id())
          .put("contentType", image.contentType())
          .put("data", Base64.getEncoder().encodeToString(image.bytes()));
    }
    return root;
  }

  private static ObjectNode step(AgendaStep step) {
    ObjectNode node =
        NODES
            .objectNode()
            .put("id", step.id())
            .put("kind", step.kind().code())
            .put("title", step.title())
            .put("body", step.body())
            .put("minutes", step.minutes())
            .put("template", step.templateId());
    node.put("pillarMinutes", step.pillarMinutes());
    return node;
  }

  private static ObjectNode progress(Progress progress) {
    return NODES
        .objectNode()
        .put("currentStepId", progress.currentStepId())
        .put("stepStartedAt", progress.stepStartedAt())
        .put("agendaStartedAt", progress.agendaStartedAt())
        .put("roaming", progress.roaming())
        .put("focusPillar", progress.focusPillar() == null ? null : progress.focusPillar().code());
  }

  private static ObjectNode timer(Timer timer) {
    return NODES
        .objectNode()
        .put("status", timer.status().code())
        .put("durationMs", timer.durationMs())
        .put("deadline", timer.deadline())
        .put("remainingMs", timer.remainingMs());
  }

  private static ObjectNode note(Note note) {
    return NODES
        .objectNode()
        .put("id", note.id())
        .put("canvasId", note.canvasId())
        .put("x", note.x())
        .put("y", note.y())
        .put("width", note.width())
        .put("height", note.height())
        .put("text", note.text())
        .put("color", note.color().code())
        .put("z", note.z())
        .put("createdBy", note.createdBy() == null ? null : note.createdBy().value())
        .put("createdAt", note.createdAt())
        .put("locked", note.locked());
  }
}
