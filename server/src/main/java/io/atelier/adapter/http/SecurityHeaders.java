package io.atelier.adapter.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer. The page runs no inline script or style attribute, so the policy can
 * forbid them; {@code no-referrer} keeps workshop links out of other sites' logs.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void add(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    if (ctx.request().isSSL()) {
      // Served over HTTPS by the node itself (TlsSettings): browsers must not come back over
      // plain HTTP, where a join link's token could be read on the way. A year, as usual; not
      // includeSubDomains, which would bind sites this node knows nothing of.
      ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.next();
  }
}
