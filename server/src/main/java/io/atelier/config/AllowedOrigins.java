package io.atelier.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pages that may open a WebSocket to this node: the {@code Origin} a browser sends with the
 * upgrade must be one of them (LM10). It defends the people of a workshop against cross-site
 * WebSocket hijacking: another site's page opening a socket in their browser, as them.
 *
 * @param origins {@code ATELIER_ALLOWED_ORIGINS}, comma-separated ({@code https://host[:port]});
 *     absent: the origin of {@code ATELIER_PUBLIC_URL}; without one either, empty, which means the
 *     origin the request itself names in its {@code Host} header (same origin), so that {@code
 *     http://localhost:8080} works out of the box
 */
public record AllowedOrigins(List<String> origins) {
  /** Same origin as the request's Host. */
  public static final AllowedOrigins SAME_ORIGIN = new AllowedOrigins(List.of());

  public AllowedOrigins {
    origins = origins.stream().map(AllowedOrigins::setting).toList();
  }

  /** The origin of the public URL when there is one, otherwise same origin. */
  public static AllowedOrigins of(Optional<String> publicUrl) {
    return publicUrl
        .map(
            url ->
                new AllowedOrigins(
                    List.of(
                        normalize(url)
                            .orElseThrow(
                                () ->
                                    new IllegalArgumentException(
                                        "ATELIER_PUBLIC_URL must be an http or https URL, not \""
                                            + url
                                            + "\"")))))
        .orElse(SAME_ORIGIN);
  }

  static AllowedOrigins fromEnvironment(Map<String, String> env, Optional<String> publicUrl) {
    String listed = env.get("ATELIER_ALLOWED_ORIGINS");
    if (listed == null || listed.isBlank()) {
      return of(publicUrl);
    }
    return new AllowedOrigins(
        Arrays.stream(listed.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList());
  }

  /** Whether a configured list applies; otherwise the request's own Host decides. */
  public boolean sameOriginOnly() {
    return origins.isEmpty();
  }

  /**
   * An origin as browsers write it, {@code scheme://host[:port]}, lower-case and without the
   * scheme's default port; empty when the text is not an http(s) origin (browsers send {@code null}
   * from sandboxed frames and files, which is never allowed).
   */
  public static Optional<String> normalize(String origin) {
    if (origin == null || origin.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** One configured origin, checked at start-up: a typo must not lock every browser out later. */
  private static String setting(String configured) {
    String path;
    try {
      path = new URI(configured.strip()).getRawPath();
    } catch (URISyntaxException e) {
      path = null;
    }
    Optional<String> origin = normalize(configured);
    if (origin.isEmpty() || !(path == null || path.isEmpty() || path.equals("/"))) {
      throw new IllegalArgumentException(
          "ATELIER_ALLOWED_ORIGINS (or ATELIER_PUBLIC_URL) must name origins such as"
              + " https://atelier.example.org, not \""
              + configured
              + "\"");
    }
    return origin.get();
  }

  /** For the start-up log line. */
  public String describe() {
    return "origins=" + (origins.isEmpty() ? "(same as Host)" : String.join(",", origins));
  }
}
