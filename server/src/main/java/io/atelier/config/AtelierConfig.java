package io.atelier.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every setting of a node, read once from the environment at start-up, validated and logged.
 * Handlers never read the environment or hard-code a port, host or map name.
 *
 * @param httpPort {@code PORT}, default 8080 (0 picks a free port, for tests)
 * @param httpHost {@code ATELIER_HOST}, default 0.0.0.0
 * @param publicUrl {@code ATELIER_PUBLIC_URL}: the base of the links handed out; when absent, the
 *     links use the scheme and host of the request that created the workshop
 * @param storage {@code ATELIER_STORAGE}: {@code hazelcast} (default) or {@code memory}
 * @param journal where workshops are made durable (see {@link JournalSettings})
 * @param tls HTTPS served by the node itself, when set (see {@link TlsSettings})
 * @param limits what one socket, person or address may do (see {@link Limits})
 * @param allowedOrigins the pages that may open a socket (see {@link AllowedOrigins})
 * @param metrics {@code ATELIER_METRICS}: {@code on} (default) serves {@code GET /metrics} in
 *     Prometheus' text format; {@code off} keeps neither the route nor the meters (ADR 0019)
 */
public record AtelierConfig(
    int httpPort,
    String httpHost,
    Optional<String> publicUrl,
    Storage storage,
    ClusterSettings cluster,
    JournalSettings journal,
    TlsSettings tls,
    Limits limits,
    AllowedOrigins allowedOrigins,
    boolean metrics) {

  /** Where workshop states live. */
  public enum Storage {
    HAZELCAST,
    MEMORY
  }

  public AtelierConfig {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535");
    }
    publicUrl = publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /**
   * A node with these basics and every other setting at its default: memory-only journal, plain
   * HTTP, the default limits, sockets from the public URL's pages (or same origin), metrics on.
   */
  public static AtelierConfig basic(
      int httpPort,
      String httpHost,
      Optional<String> publicUrl,
      Storage storage,
      ClusterSettings cluster) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        cluster,
        JournalSettings.NONE,
        TlsSettings.NONE,
        Limits.DEFAULTS,
        AllowedOrigins.of(publicUrl),
        true);
  }

  public static AtelierConfig fromEnvironment(Map<String, String> env) {
    Optional<String> publicUrl =
        Optional.ofNullable(env.get("ATELIER_PUBLIC_URL")).filter(url -> !url.isBlank());
    return new AtelierConfig(
        integer(env, "PORT", 8080),
        env.getOrDefault("ATELIER_HOST", "0.0.0.0"),
        publicUrl,
        storage(env.getOrDefault("ATELIER_STORAGE", "hazelcast")),
        ClusterSettings.fromEnvironment(env),
        JournalSettings.fromEnvironment(env),
        TlsSettings.fromEnvironment(env),
        Limits.fromEnvironment(env),
        AllowedOrigins.fromEnvironment(env, publicUrl),
        onOff(env, "ATELIER_METRICS", true));
  }

  /** A node on loopback, on free ports, in a cluster of its own. */
  public static AtelierConfig forTests() {
    return basic(
            0,
            "127.0.0.1",
            Optional.empty(),
            Storage.HAZELCAST,
            new ClusterSettings("atelier-test-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of()))
        .withLimits(Limits.forTests());
  }

  public AtelierConfig withStorage(Storage newStorage) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        newStorage,
        cluster,
        journal,
        tls,
        limits,
        allowedOrigins,
        metrics);
  }

  public AtelierConfig withJournal(JournalSettings newJournal) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        cluster,
        newJournal,
        tls,
        limits,
        allowedOrigins,
        metrics);
  }

  public AtelierConfig withTls(TlsSettings newTls) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        cluster,
        journal,
        newTls,
        limits,
        allowedOrigins,
        metrics);
  }

  public AtelierConfig withLimits(Limits newLimits) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        cluster,
        journal,
        tls,
        newLimits,
        allowedOrigins,
        metrics);
  }

  public AtelierConfig withAllowedOrigins(AllowedOrigins newOrigins) {
    return new AtelierConfig(
        httpPort, httpHost, publicUrl, storage, cluster, journal, tls, limits, newOrigins, metrics);
  }

  public AtelierConfig withCluster(ClusterSettings newCluster) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        newCluster,
        journal,
        tls,
        limits,
        allowedOrigins,
        metrics);
  }

  public AtelierConfig withMetrics(boolean newMetrics) {
    return new AtelierConfig(
        httpPort,
        httpHost,
        publicUrl,
        storage,
        cluster,
        journal,
        tls,
        limits,
        allowedOrigins,
        newMetrics);
  }

  /** The settings as one log line; it holds no secret. */
  public String describe() {
    return "http="
        + httpHost
        + ":"
        + httpPort
        + " publicUrl="
        + publicUrl.orElse("(from requests)")
        + " storage="
        + storage.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + cluster.describe()
        + " journal="
        + journal.describe()
        + " "
        + tls.describe()
        + " "
        + limits.describe()
        + " "
        + allowedOrigins.describe()
        + " metrics="
        + (metrics ? "on" : "off");
  }

  static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
    }
  }

  static boolean onOff(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be on or off, not \"" + value + "\"");
    };
  }

  private static Storage storage(String value) {
    try {
      return Storage.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ATELIER_STORAGE must be hazelcast or memory");
    }
  }
}
