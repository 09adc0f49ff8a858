package io.atelier.adapter.export;

import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RoundTable;
import io.atelier.domain.SpeakingSummary;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The speaking time of the last round table for a spreadsheet (EX1, RT9): one row per person in the
 * order they first took a turn, then the people of the order who had none, so that a facilitator
 * sees who was left out too. The file follows the notes' CSV: RFC 4180, a byte order mark,
 * formula-looking names made text ({@link CsvExport#field}).
 *
 * <p>{@code share_percent} is each speaker's part of the time spoken; the evenness (RT9) is the
 * normalised entropy of those parts, and a spreadsheet can recompute it from this column.
 */
final class SpeakingCsv {
  static final String HEADER =
      "participant_id,name,remote,turns,passed_turns,spoke,total_seconds,share_percent";

  private SpeakingCsv() {}

  static String render(WorkshopExport export) {
    Map<ParticipantId, Participant> people =
        export.content().participants().stream()
            .collect(Collectors.toMap(Participant::id, Function.identity(), (a, b) -> a));
    Set<ParticipantId> remote = Set.copyOf(export.content().facilitation().remote());
    RoundTable table = export.content().facilitation().roundTable();
    SpeakingSummary summary = SpeakingSummary.of(table.turns());
    long spokenTotal =
        summary.people().stream()
            .filter(SpeakingSummary.PersonTime::spoke)
            .mapToLong(SpeakingSummary.PersonTime::totalMs)
            .sum();
    StringBuilder out = new StringBuilder(CsvExport.BYTE_ORDER_MARK).append(HEADER).append("\r\n");
    for (SpeakingSummary.PersonTime person : summary.people()) {
      long passed =
          table.turns().stream()
              .filter(turn -> turn.participantId().equals(person.participantId()))
              .filter(RoundTable.SpokenTurn::passed)
              .count();
      double share = person.spoke() && spokenTotal > 0 ? 100.0 * person.totalMs() / spokenTotal : 0;
      row(
          out,
          person.participantId(),
          people,
          remote,
          person.turns(),
          passed,
          person.spoke(),
          person.totalMs(),
          share);
    }
    Set<ParticipantId> listed =
        summary.people().stream()
            .map(SpeakingSummary.PersonTime::participantId)
            .collect(Collectors.toSet());
    for (ParticipantId waiting : table.order()) {
      if (!listed.contains(waiting)) {
        row(out, waiting, people, remote, 0, 0, false, 0, 0);
      }
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out,
      ParticipantId id,
      Map<ParticipantId, Participant> people,
      Set<ParticipantId> remote,
      int turns,
      long passed,
      boolean spoke,
      long totalMs,
      double share) {
    Participant participant = people.get(id);
    out.append(CsvExport.field(id.value()))
        .append(',')
        .append(CsvExport.field(participant == null ? "" : participant.name()))
        .append(',')
        .append(remote.contains(id))
        .append(',')
        .append(turns)
        .append(',')
        .append(passed)
        .append(',')
        .append(spoke)
        .append(',')
        .append(Math.round(totalMs / 1000.0))
        .append(',')
        .append(String.format(Locale.ROOT, "%.1f", share))
        .append("\r\n");
  }
}
