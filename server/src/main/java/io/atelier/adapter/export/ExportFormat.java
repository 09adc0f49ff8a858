package io.atelier.adapter.export;

import java.util.Optional;

/** The formats of {@code GET /api/workshops/{id}/export?format=} (EX1). */
public enum ExportFormat {
  MARKDOWN("md", "text/markdown; charset=utf-8"),
  CSV("csv", "text/csv; charset=utf-8"),
  JSON("json", "application/json; charset=utf-8");

  private final String code;
  private final String contentType;

  ExportFormat(String code, String contentType) {
    this.code = code;
    this.contentType = contentType;
  }

  /** The query parameter's value, also the file's extension. */
  public String code() {
    return code;
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
