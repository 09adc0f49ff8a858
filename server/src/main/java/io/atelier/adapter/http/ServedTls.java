package io.atelier.adapter.http;

import io.atelier.config.TlsSettings;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;

/** HTTPS and WSS on the node's own port, when {@link TlsSettings} name a certificate. */
final class ServedTls {
  private ServedTls() {}

  static void apply(TlsSettings tls, HttpServerOptions options) {
    if (!tls.enabled()) {
      return;
    }
    options.setSsl(true);
    if (tls.certificate().isPresent()) {
      options.setKeyCertOptions(
          new PemKeyCertOptions()
              .setCertPath(tls.certificate().get().toString())
              .setKeyPath(tls.privateKey().orElseThrow().toString()));
    } else {
      options.setKeyCertOptions(
          new PfxOptions()
              .setPath(tls.keystore().orElseThrow().toString())
              .setPassword(tls.keystorePassword().orElse("")));
    }
  }
}
