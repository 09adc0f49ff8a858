package io.atelier.adapter.export;

import io.atelier.domain.Language;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The name an export is saved under: {@code <slug-of-title>-<yyyy-mm-dd>.<ext>}, plain ASCII so
 * that every browser, file system and {@code Content-Disposition} parser takes it as is.
 */
final class ExportFileName {
  static final int MAX_SLUG = 60;

  private ExportFileName() {}

  static String of(WorkshopExport export, ExportFormat format, ZoneId timeZone) {
    return slug(export.title(), export.language())
        + "-"
        + workshopDate(export, timeZone)
        + suffix(format, export.language())
        + "."
        + format.extension();
  }

  /** Two CSV files of one workshop need two names: the speaking time says what it is. */
  private static String suffix(ExportFormat format, Language language) {
    if (format != ExportFormat.SPEAKING) {
      return "";
    }
    return language == Language.EN ? "-speaking-time" : "-temps-de-parole";
  }

  /**
   * The day the workshop took place: when its agenda started, or else when it was created, in the
   * reader's time zone (an evening session in Montréal is past midnight in UTC).
   */
  static LocalDate workshopDate(WorkshopExport export, ZoneId timeZone) {
    Long started = export.content().facilitation().progress().agendaStartedAt();
    long at = started != null ? started : export.createdAt();
    return LocalDate.ofInstant(Instant.ofEpochMilli(at), timeZone);
  }

  /** "Atelier d'hiver : Écologie!" becomes "atelier-d-hiver-ecologie". */
  static String slug(String title, Language language) {
    String plain =
        Normalizer.normalize(ligaturesSpelledOut(title), Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > MAX_SLUG) {
      plain = plain.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    if (plain.isEmpty()) {
      return language == Language.EN ? "workshop" : "atelier";
    }
    return plain;
  }

  /** Decomposition leaves these whole; French writes "cœur", the file name "coeur". */
  private static String ligaturesSpelledOut(String text) {
    return text.replace("œ", "oe")
        .replace("Œ", "OE")
        .replace("æ", "ae")
        .replace("Æ", "AE")
        .replace("ß", "ss");
  }
}
