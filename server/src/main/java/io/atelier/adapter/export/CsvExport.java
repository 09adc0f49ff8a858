package io.atelier.adapter.export;

import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.Note;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Vote;
import io.atelier.domain.Zone;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One row per live note, for a spreadsheet (EX1): RFC 4180 (fields quoted when they hold a comma, a
 * quote or a line break; quotes doubled; CRLF between records), UTF-8 with a byte order mark so
 * that Excel reads accents right. A cell that a spreadsheet would take for a formula is made text.
 * The column {@code cluster} is the title of the note's cluster (CL1), empty when it is in none;
 * the last column, {@code votes}, is the note's dots in its canvas's closed vote (DV3), empty when
 * the note was in no closed vote.
 */
final class CsvExport {
  static final String HEADER = "canvas,pillar,zone,text,author,color,created_at,cluster,votes";

  /** U+FEFF: Excel takes a CSV file for UTF-8 only when it starts with this mark. */
  static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final String CRLF = "\r\n";

  private final TemplateCatalog catalog;

  CsvExport(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  String render(WorkshopExport export) {
    Map<ParticipantId, Participant> people =
        export.content().participants().stream()
            .collect(Collectors.toMap(Participant::id, Function.identity(), (a, b) -> a));
    // CL1: the title of the cluster each note is in (a note is in at most one).
    Map<String, String> clusterOf = new HashMap<>();
    for (Cluster cluster : export.content().facilitation().clusters()) {
      cluster.noteIds().forEach(id -> clusterOf.put(id, cluster.title()));
    }
    StringBuilder out = new StringBuilder(BYTE_ORDER_MARK).append(HEADER).append(CRLF);
    for (Canvas canvas : export.content().facilitation().canvases()) {
      CanvasZones zones = CanvasZones.of(catalog, canvas.templateId(), export.language());
      Map<String, Integer> votes = closedVoteTotals(export, canvas);
      for (Note note : notesOn(canvas, export.content().notes())) {
        Optional<Zone> zone = zones.zoneOf(note);
        // PW2: a note of an anonymous canvas names nobody: its author cell stays empty.
        Participant author = people.get(note.createdBy());
        row(
            out,
            canvas.name(),
            zone.flatMap(Zone::pillar).map(Pillar::code).orElse(""),
            zone.map(zones::nameOf).orElse(""),
            note.text(),
            author == null ? "" : author.name(),
            note.color().code(),
            note.createdAt() == 0 ? "" : Instant.ofEpochMilli(note.createdAt()).toString(),
            clusterOf.getOrDefault(note.id(), ""),
            votes.containsKey(note.id()) ? String.valueOf(votes.get(note.id())) : "");
      }
    }
    return out.toString();
  }

  /** DV3: the dots of each note in the canvas's closed vote; none while a vote is open. */
  private static Map<String, Integer> closedVoteTotals(WorkshopExport export, Canvas canvas) {
    return export.content().facilitation().votes().stream()
        .filter(vote -> vote.canvasId().equals(canvas.id()) && !vote.open())
        .flatMap(vote -> vote.results().stream())
        .collect(Collectors.toMap(Vote.Result::noteId, Vote.Result::dots, (a, b) -> a));
  }

  private static List<Note> notesOn(Canvas canvas, List<Note> notes) {
    return notes.stream().filter(note -> note.canvasId().equals(canvas.id())).toList();
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells[i]));
    }
    out.append(CRLF);
  }

  /**
   * One field: a cell starting with = + - @ (or a tab or carriage return, which some spreadsheets
   * skip before reading one of those) gets a leading apostrophe, so it is shown as text and never
   * run as a formula; then RFC 4180 quoting.
   */
  static String field(String value) {
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
