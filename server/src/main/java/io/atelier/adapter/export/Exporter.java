package io.atelier.adapter.export;

import io.atelier.adapter.templates.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/** Turns a workshop into the file of one format (EX1): its bytes, media type and file name. */
public final class Exporter {
  private final MarkdownExport markdown;
  private final CsvExport csv;
  private final Clock clock;

  public Exporter(TemplateCatalog templates, Clock clock) {
    this.markdown = new MarkdownExport(templates);
    this.csv = new CsvExport(templates);
    this.clock = clock;
  }

  /** A file ready to send. */
  public record ExportFile(byte[] body, String contentType, String fileName) {}

  /** {@code timeZone} is the reader's: it dates the workshop in the file's name and Markdown. */
  public ExportFile export(WorkshopExport workshop, ExportFormat format, ZoneId timeZone) {
    String text =
        switch (format) {
          case MARKDOWN -> markdown.render(workshop, timeZone);
          case CSV -> csv.render(workshop);
          case SPEAKING -> SpeakingCsv.render(workshop);
          case JSON -> JsonExport.write(workshop, clock.instant());
        };
    return new ExportFile(
        text.getBytes(StandardCharsets.UTF_8),
        format.contentType(),
        ExportFileName.of(workshop, format, timeZone));
  }
}
