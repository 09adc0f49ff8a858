package io.atelier.adapter.export;

import io.atelier.domain.Language;
import io.atelier.domain.StepKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of the Markdown export, in the workshop's language: French in Québec usage (inclusive
 * wording, a space before the colon), and English; the terms are those of docs/glossary.md and of
 * the client (i18n.js). Plain spaces only: the file is pasted into other tools. Kept apart so that
 * the layout code reads as layout.
 */
record ExportLabels(
    Language language,
    String template,
    String group,
    String noNotes,
    String outsideZones,
    String emptyNote,
    String roleMap,
    String nobodyYet,
    String noRoles,
    String agenda,
    String currentStep,
    String plannedTime,
    String colon) {

  static final ExportLabels FRENCH =
      new ExportLabels(
          Language.FR,
          "Gabarit",
          "Groupe",
          "Aucune note.",
          "Hors des zones",
          "(note vide)",
          "Carte des rôles",
          "Personne pour l’instant.",
          "Aucun rôle indiqué.",
          "Déroulement",
          "étape en cours",
          "Durée prévue",
          " : ");

  static final ExportLabels ENGLISH =
      new ExportLabels(
          Language.EN,
          "Template",
          "Group",
          "No notes.",
          "Outside the zones",
          "(empty note)",
          "Role map",
          "No one yet.",
          "No roles given.",
          "Agenda",
          "current step",
          "Planned time",
          ": ");

  static ExportLabels of(Language language) {
    return language == Language.EN ? ENGLISH : FRENCH;
  }

  String participants(int count) {
    if (language == Language.EN) {
      return count + (count == 1 ? " participant" : " participants");
    }
    return count + (count == 1 ? " personne participante" : " personnes participantes");
  }

  String notes(int count) {
    return count + (count == 1 ? " note" : " notes");
  }

  /**
   * "1er décembre 2026" in French (Québec writes the first of the month so), "December 1, 2026".
   */
  String date(LocalDate date) {
    if (language == Language.EN) {
      return date.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA));
    }
    String month = date.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.CANADA_FRENCH));
    return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + month;
  }

  /** CL1: the heading of a cluster, "Regroupement : Idées" or "Cluster: Ideas". */
  String cluster(String title) {
    return (language == Language.EN ? "Cluster" : "Regroupement") + colon + title;
  }

  /** A zone whose notes all went into clusters: it is not empty, its notes are listed above. */
  String noOtherNotes() {
    return language == Language.EN ? "No other notes." : "Aucune autre note.";
  }

  /** "45 min", "3 h", "2 h 15 min". */
  String duration(int minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    int hours = minutes / 60;
    int rest = minutes % 60;
    return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
  }

  /** The step kinds as the client names them (i18n.js, agenda.kind.*). */
  String kind(StepKind kind) {
    boolean english = language == Language.EN;
    return switch (kind) {
      case TEXT -> english ? "Text" : "Texte";
      case CONTENT -> english ? "Presentation" : "Présentation";
      case ROUND_TABLE -> english ? "Round table" : "Tour de table";
      case CANVAS -> english ? "Canvas exercise" : "Exercice sur canevas";
      case BREAK -> english ? "Break" : "Pause";
      case CLOSING -> english ? "Closing" : "Clôture";
    };
  }
}
