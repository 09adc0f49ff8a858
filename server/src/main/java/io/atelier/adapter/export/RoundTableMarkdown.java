package io.atelier.adapter.export;

import io.atelier.domain.Language;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RoundTable;
import io.atelier.domain.SpeakingSummary;
import java.util.Locale;
import java.util.Map;

/**
 * The round table's section of the Markdown export (EX1, RT9): who spoke how long in the last
 * round, and how evenly the time was shared. Left out when no turn was taken. Its words live here
 * rather than in {@link ExportLabels}, which stays about the canvas and the agenda.
 */
final class RoundTableMarkdown {
  private RoundTableMarkdown() {}

  static void append(
      StringBuilder out, RoundTable table, Map<ParticipantId, Participant> people, Language lang) {
    if (table.turns().isEmpty()) {
      return;
    }
    boolean en = lang == Language.EN;
    String colon = en ? ": " : " : ";
    SpeakingSummary summary = SpeakingSummary.of(table.turns());
    out.append("\n## ").append(en ? "Round table" : "Tour de table").append("\n\n");
    for (SpeakingSummary.PersonTime person : summary.people()) {
      Participant participant = people.get(person.participantId());
      String name = participant == null ? person.participantId().value() : participant.name();
      out.append("- **").append(MarkdownText.inline(name)).append("**").append(colon);
      out.append(duration(person.totalMs())).append(" (").append(turns(person.turns(), en));
      if (!person.spoke()) {
        out.append(en ? ", passed" : ", a passé son tour");
      }
      out.append(")\n");
    }
    if (summary.people().stream().noneMatch(SpeakingSummary.PersonTime::spoke)) {
      return;
    }
    out.append("\n")
        .append(en ? "Minimum" : "Minimum")
        .append(colon)
        .append(duration(summary.minMs()))
        .append(en ? " · median" : " · médiane")
        .append(colon)
        .append(duration(summary.medianMs()))
        .append(" · maximum")
        .append(colon)
        .append(duration(summary.maxMs()))
        .append("\n");
    if (summary.evenness().isPresent()) {
      String value = String.format(Locale.ROOT, "%.2f", summary.evenness().getAsDouble());
      out.append("\n")
          .append(en ? "Evenness of speaking time" : "Équité du temps de parole")
          .append(colon)
          .append(en ? value : value.replace('.', ','))
          .append(
              en
                  ? " (1: everyone spoke as long; towards 0: one person took the round)\n"
                  : " (1 : chaque personne a parlé aussi longtemps ; vers 0 : une seule"
                      + " personne a pris le tour)\n");
    }
  }

  /** "45 s", "2 min", "3 min 20 s", rounded to the second. */
  static String duration(long ms) {
    long seconds = Math.round(ms / 1000.0);
    if (seconds < 60) {
      return seconds + " s";
    }
    long rest = seconds % 60;
    return seconds / 60 + " min" + (rest == 0 ? "" : " " + rest + " s");
  }

  private static String turns(int count, boolean en) {
    if (en) {
      return count + (count == 1 ? " turn" : " turns");
    }
    return count + " tour" + (count == 1 ? "" : "s");
  }
}
