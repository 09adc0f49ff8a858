package io.atelier.adapter.export;

import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Note;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.Zone;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workshop as Markdown, ready to paste into a knowledge base (EX1): the title and date, then
 * each canvas with its clusters (CL1: each under its title) and its other notes grouped by zone
 * (the pillars in the model's order, then the other zones, then the notes outside any zone), each
 * note a bullet with its author; then the role map per pillar, the agenda with its planned minutes,
 * and the speaking time of the last round table. A canvas's dot vote follows its notes, ranked once
 * closed (DV3); a note in a cluster and in a vote shows in both. Every text people wrote goes
 * through {@link MarkdownText}, so a note cannot inject a heading or a link.
 */
final class MarkdownExport {
  private final TemplateCatalog catalog;

  MarkdownExport(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  String render(WorkshopExport export, ZoneId timeZone) {
    ExportLabels labels = ExportLabels.of(export.language());
    Map<ParticipantId, Participant> people =
        export.content().participants().stream()
            .collect(
                Collectors.toMap(
                    Participant::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    FacilitationState arranged = export.content().facilitation();
    StringBuilder out = new StringBuilder();
    out.append("# ").append(MarkdownText.inline(export.title())).append("\n\n");
    out.append(labels.date(ExportFileName.workshopDate(export, timeZone)))
        .append(" · ")
        .append(labels.participants(people.size()))
        .append(" · ")
        .append(labels.notes(export.content().notes().size()))
        .append("\n");
    Map<String, Note> notes =
        export.content().notes().stream()
            .collect(Collectors.toMap(Note::id, Function.identity(), (a, b) -> a));
    for (Canvas canvas : arranged.canvases()) {
      canvas(out, canvas, export, people, labels);
      // DV3: the canvas's vote, ranked once closed.
      arranged.votes().stream()
          .filter(vote -> vote.canvasId().equals(canvas.id()))
          .forEach(
              vote ->
                  VoteMarkdown.append(
                      out,
                      vote,
                      notes,
                      CanvasZones.pillarNames(catalog, labels.language()),
                      labels.language()));
    }
    roles(out, arranged.roles(), people, labels);
    agenda(out, arranged, labels);
    RoundTableMarkdown.append(out, arranged.roundTable(), people, export.language());
    return out.toString();
  }

  private void canvas(
      StringBuilder out,
      Canvas canvas,
      WorkshopExport export,
      Map<ParticipantId, Participant> people,
      ExportLabels labels) {
    CanvasZones zones = CanvasZones.of(catalog, canvas.templateId(), export.language());
    out.append("\n## ").append(MarkdownText.inline(canvas.name())).append("\n\n");
    out.append('*')
        .append(labels.template())
        .append(labels.colon())
        .append(MarkdownText.inline(zones.templateName(canvas.templateId())))
        .append('*');
    List<String> group =
        export.content().facilitation().groups().entrySet().stream()
            .filter(entry -> entry.getValue().equals(canvas.id()))
            .map(entry -> people.get(entry.getKey()))
            .filter(person -> person != null)
            .map(person -> MarkdownText.inline(person.name()))
            .sorted()
            .toList();
    if (!group.isEmpty()) {
      out.append(" · ")
          .append(labels.group())
          .append(labels.colon())
          .append(String.join(", ", group));
    }
    out.append("\n");

    Set<String> clustered = clusters(out, canvas, export, people, labels);
    String none = clustered.isEmpty() ? labels.noNotes() : labels.noOtherNotes();
    Map<String, List<Note>> byZone = new LinkedHashMap<>();
    List<Note> outside = new ArrayList<>();
    for (Note note : export.content().notes()) {
      if (note.canvasId().equals(canvas.id()) && !clustered.contains(note.id())) {
        Optional<Zone> zone = zones.zoneOf(note);
        if (zone.isPresent()) {
          byZone.computeIfAbsent(zone.get().id(), id -> new ArrayList<>()).add(note);
        } else {
          outside.add(note);
        }
      }
    }
    if (zones.ordered().isEmpty()) {
      // A blank canvas has no zones: its notes are simply listed (after its clusters, if any).
      if (clustered.isEmpty() || !outside.isEmpty()) {
        out.append("\n");
        bullets(out, outside, people, labels, none);
      }
      return;
    }
    for (Zone zone : zones.ordered()) {
      out.append("\n### ").append(MarkdownText.inline(zones.nameOf(zone))).append("\n\n");
      bullets(out, byZone.getOrDefault(zone.id(), List.of()), people, labels, none);
    }
    if (!outside.isEmpty()) {
      out.append("\n### ").append(labels.outsideZones()).append("\n\n");
      bullets(out, outside, people, labels, none);
    }
  }

  /**
   * CL1: the canvas's clusters, each under its title with its notes in the cluster's order, before
   * the zones; returns the ids of the notes listed, which the zones then leave out.
   */
  private static Set<String> clusters(
      StringBuilder out,
      Canvas canvas,
      WorkshopExport export,
      Map<ParticipantId, Participant> people,
      ExportLabels labels) {
    Map<String, Note> notes = new LinkedHashMap<>();
    export.content().notes().forEach(note -> notes.put(note.id(), note));
    Set<String> listed = new HashSet<>();
    for (Cluster cluster : export.content().facilitation().clusters()) {
      if (!cluster.canvasId().equals(canvas.id())) {
        continue;
      }
      List<Note> members =
          cluster.noteIds().stream().map(notes::get).filter(note -> note != null).toList();
      out.append("\n### ")
          .append(labels.cluster(MarkdownText.inline(cluster.title())))
          .append("\n\n");
      bullets(out, members, people, labels, labels.noNotes());
      members.forEach(note -> listed.add(note.id()));
    }
    return listed;
  }

  private static void bullets(
      StringBuilder out,
      List<Note> notes,
      Map<ParticipantId, Participant> people,
      ExportLabels labels,
      String none) {
    if (notes.isEmpty()) {
      out.append('*').append(none).append("*\n");
      return;
    }
    for (Note note : notes) {
      List<String> lines = MarkdownText.lines(note.text());
      out.append("- ");
      if (lines.isEmpty()) {
        out.append('*').append(labels.emptyNote()).append('*');
      } else {
        // A backslash at the end of a line is CommonMark's hard line break; the two spaces keep
        // the following lines inside the bullet.
        out.append(String.join("\\\n  ", lines));
      }
      // PW2: a note of an anonymous canvas names nobody.
      Participant author = people.get(note.createdBy());
      if (author != null) {
        out.append(" — *").append(MarkdownText.inline(author.name())).append('*');
      }
      out.append("\n");
    }
  }

  private void roles(
      StringBuilder out,
      List<RoleMarker> roles,
      Map<ParticipantId, Participant> people,
      ExportLabels labels) {
    out.append("\n## ").append(labels.roleMap()).append("\n");
    if (roles.isEmpty()) {
      out.append("\n*").append(labels.noRoles()).append("*\n");
      return;
    }
    Map<Pillar, String> pillarNames = CanvasZones.pillarNames(catalog, labels.language());
    for (Pillar pillar : Pillar.DISCUSSION_ORDER) {
      out.append("\n### ").append(MarkdownText.inline(pillarNames.get(pillar))).append("\n\n");
      List<RoleMarker> here =
          roles.stream()
              .filter(
                  marker -> marker.pillar() == pillar && people.containsKey(marker.participantId()))
              .toList();
      if (here.isEmpty()) {
        out.append('*').append(labels.nobodyYet()).append("*\n");
      }
      for (RoleMarker marker : here) {
        out.append("- **").append(MarkdownText.inline(people.get(marker.participantId()).name()));
        out.append("**");
        if (!marker.role().isBlank()) {
          out.append(labels.colon()).append(MarkdownText.inline(marker.role()));
        }
        out.append("\n");
      }
    }
  }

  private static void agenda(StringBuilder out, FacilitationState arranged, ExportLabels labels) {
    if (arranged.agenda().isEmpty()) {
      return;
    }
    out.append("\n## ").append(labels.agenda()).append("\n\n");
    int number = 1;
    int total = 0;
    for (AgendaStep step : arranged.agenda()) {
      out.append(number++)
          .append(". ")
          .append(MarkdownText.inline(step.title()))
          .append(" (")
          .append(labels.kind(step.kind()))
          .append(") · ")
          .append(labels.duration(step.minutes()));
      if (step.id().equals(arranged.progress().currentStepId())) {
        out.append(" · **").append(labels.currentStep()).append("**");
      }
      out.append("\n");
      total += step.minutes();
    }
    out.append("\n")
        .append(labels.plannedTime())
        .append(labels.colon())
        .append(labels.duration(total))
        .append("\n");
  }
}
