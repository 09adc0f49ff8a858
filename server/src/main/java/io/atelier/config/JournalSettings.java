package io.atelier.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where workshops are made durable.
 *
 * @param kind {@code ATELIER_JOURNAL}: {@code sqlite} (default: a file under the data directory, no
 *     set-up), {@code postgres} (for clusters: one database every node writes to) or {@code none}
 *     (memory only: a full stop loses every workshop)
 * @param dataDir {@code ATELIER_DATA_DIR}, default {@code ./data}: where SQLite keeps its file
 * @param jdbcUrl {@code ATELIER_JDBC_URL}, e.g. {@code jdbc:postgresql://db:5432/atelier}
 * @param user {@code ATELIER_DB_USER}
 * @param password {@code ATELIER_DB_PASSWORD}; never logged
 */
public record JournalSettings(
    Kind kind, Path dataDir, String jdbcUrl, String user, String password) {
  /** The journal's kinds. */
  public enum Kind {
    SQLITE,
    POSTGRES,
    NONE
  }

  public static final JournalSettings NONE = new JournalSettings(Kind.NONE, null, null, null, null);

  public JournalSettings {
    if (kind == Kind.SQLITE && dataDir == null) {
      throw new IllegalArgumentException("ATELIER_DATA_DIR is required for the sqlite journal");
    }
    if (kind == Kind.POSTGRES && (jdbcUrl == null || jdbcUrl.isBlank())) {
      throw new IllegalArgumentException("ATELIER_JDBC_URL is required for the postgres journal");
    }
  }

  public static JournalSettings sqlite(Path dataDir) {
    return new JournalSettings(Kind.SQLITE, dataDir, null, null, null);
  }

  static JournalSettings fromEnvironment(Map<String, String> env) {
    Kind kind;
    String value = env.getOrDefault("ATELIER_JOURNAL", "sqlite").strip();
    try {
      kind = Kind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ATELIER_JOURNAL must be sqlite, postgres or none, not \"" + value + "\"");
    }
    return new JournalSettings(
        kind,
        Path.of(env.getOrDefault("ATELIER_DATA_DIR", "data")).toAbsolutePath(),
        env.get("ATELIER_JDBC_URL"),
        env.get("ATELIER_DB_USER"),
        env.get("ATELIER_DB_PASSWORD"));
  }

  /** For the start-up log line: no password. */
  public String describe() {
    return switch (kind) {
      case SQLITE -> "sqlite:" + dataDir.resolve("atelier.db");
      case POSTGRES -> "postgres:" + jdbcUrl + (user == null ? "" : " as " + user);
      case NONE -> "none (memory only)";
    };
  }
}
