package io.atelier.adapter.http;

import io.atelier.config.AllowedOrigins;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * LM10: whether a WebSocket upgrade may go ahead, from its {@code Origin} header. A browser always
 * sends the origin of the page that opens a socket, and a page cannot change it: so another site's
 * page, opened by someone of a workshop, cannot open a socket to this node as them (cross-site
 * WebSocket hijacking). An upgrade without an Origin is let through: only programs send none (the
 * load tool, the tests, command-line clients), and a program could send any Origin it likes, so
 * refusing them would protect nobody.
 */
final class OriginCheck {
  private final AllowedOrigins allowed;

  OriginCheck(AllowedOrigins allowed) {
    this.allowed = allowed;
  }

  boolean allows(HttpServerRequest request) {
    return allows(request.getHeader("Origin"), request.getHeader("Host"));
  }

  boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    Optional<String> normalized = AllowedOrigins.normalize(origin);
    if (normalized.isEmpty()) {
      return false; // "null" (a sandboxed frame, a file) or garbage
    }
    if (!allowed.sameOriginOnly()) {
      return allowed.origins().contains(normalized.get());
    }
    return host != null && authority(normalized.get()).equals(withoutDefaultPort(host));
  }

  /** {@code scheme://host[:port]} → {@code host[:port]}, as a Host header writes it. */
  private static String authority(String origin) {
    return origin.substring(origin.indexOf("://") + 3);
  }

  /**
   * A Host header, lower-case, without {@code :80} or {@code :443}: behind a TLS proxy the node
   * does not know which scheme the browser used, and a default port is left out of an Origin.
   */
  private static String withoutDefaultPort(String host) {
    String value = host.strip().toLowerCase(Locale.ROOT);
    if (value.endsWith(":80")) {
      return value.substring(0, value.length() - 3);
    }
    if (value.endsWith(":443")) {
      return value.substring(0, value.length() - 4);
    }
    return value;
  }
}
