package io.atelier.adapter.http;

import io.atelier.application.CreationQuota;
import io.vertx.ext.web.RoutingContext;

/**
 * LM7: the first handler of {@code POST /api/workshops} and of the import: a client address that
 * has created its quota of workshops within the hour is answered 429 before its body is read (an
 * import's may be large). Every request counts, whether or not it then creates a workshop.
 */
final class CreationLimit {
  private final CreationQuota quota;
  private final ClientAddress addresses;

  CreationLimit(CreationQuota quota, ClientAddress addresses) {
    this.quota = quota;
    this.addresses = addresses;
  }

  void check(RoutingContext ctx) {
    long waitMillis = quota.refusal(addresses.of(ctx.request()));
    if (waitMillis == 0) {
      ctx.next();
      return;
    }
    long seconds = (waitMillis + 999) / 1000;
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Json.error(
        ctx,
        429,
        "rate_limited",
        "Too many workshops created from your network within the hour; try again in "
            + Math.max(1, (seconds + 59) / 60)
            + " min.");
  }
}
