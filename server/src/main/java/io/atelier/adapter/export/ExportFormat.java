package io.atelier.adapter.export;

import java.util.Optional;

/** The formats of {@code GET /api/workshops/{id}/export?format=} (EX1). */
public enum ExportFormat {
  MARKDOWN("md", "md", "text/markdown; charset=utf-8"),
  CSV("csv", "csv", "text/csv; charset=utf-8"),
  JSON("json", "json", "application/json; charset=utf-8"),
  /** The speaking time of the last round table, one row per person (RT9). */
  SPEAKING("speaking", "csv", "text/csv; charset=utf-8");

  private final String code;
  private final String extension;
  private final String contentType;

  ExportFormat(String code, String extension, String contentType) {
    this.code = code;
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The query parameter's value. */
  public String code() {
    return code;
  }

  /** The file's extension. */
  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<ExportFormat> fromCode(String code) {
    for (ExportFormat format : values()) {
      if (format.code.equals(code)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
