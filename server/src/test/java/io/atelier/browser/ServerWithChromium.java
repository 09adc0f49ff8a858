package io.atelier.browser;

import io.atelier.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One real node per browser test class, started only where Chromium is installed (and required
 * under {@code CI=true}: see {@link HeadlessChromium#assumeInstalled()}).
 */
abstract class ServerWithChromium {
  static RunningServer server;

  @BeforeAll
  static void startServer() {
    HeadlessChromium.assumeInstalled();
    server = new RunningServer();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @BeforeEach
  void needsChromium() {
    HeadlessChromium.assumeInstalled();
  }
}
