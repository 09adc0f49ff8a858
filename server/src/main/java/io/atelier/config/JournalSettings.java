package io.atelier.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * @param expireAfter {@code ATELIER_EXPIRE_AFTER_DAYS}: a workshop with no change for that long is
 *     deleted; absent (the default) keeps workshops until their facilitator deletes them
 */
public record JournalSettings(
    Kind kind,
    Path dataDir,
    String jdbcUrl,
    String user,
    String password,
    Optional<Duration> expireAfter) {
  /** The journal's kinds. */
  public enum Kind {
    SQLITE,
    POSTGRES,
    NONE
  }

  public static final JournalSettings NONE = new JournalSettings(Kind.NONE, null, null, null, null);

  /** Without expiry. */
  public JournalSettings(Kind kind, Path dataDir, String jdbcUrl, String user, String password) {
    this(kind, dataDir, jdbcUrl, user, password, Optional.empty());
  }

  public JournalSettings {
    if (expireAfter.isPresent() && (expireAfter.get().isNegative() || expireAfter.get().isZero())) {
      throw new IllegalArgumentException("ATELIER_EXPIRE_AFTER_DAYS must be at least 1");
    }
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

  public JournalSettings withExpiry(Duration after) {
    return new JournalSettings(kind, dataDir, jdbcUrl, user, password, Optional.of(after));
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
        env.get("ATELIER_DB_PASSWORD"),
        expiry(env.get("ATELIER_EXPIRE_AFTER_DAYS")));
  }

  private static Optional<Duration> expiry(String days) {
    if (days == null || days.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofDays(Long.parseLong(days.strip())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "ATELIER_EXPIRE_AFTER_DAYS must be a whole number of days, not \"" + days + "\"");
    }
  }

  /** For the start-up log line: no password. */
  public String describe() {
    String where =
        switch (kind) {
          case SQLITE -> "sqlite:" + dataDir.resolve("atelier.db");
          case POSTGRES -> "postgres:" + jdbcUrl + (user == null ? "" : " as " + user);
          case NONE -> "none (memory only)";
        };
    return where + expireAfter.map(after -> " expiry=" + after).orElse("");
  }
}
