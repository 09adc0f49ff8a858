package io.atelier.browser;

import io.atelier.testing.RunningServer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * One real node per browser test class, started only where Chromium is installed (and required
 * under {@code CI=true}: see {@link HeadlessChromium#assumeInstalled()}), and the browsers of each
 * test: opened with {@link #openBrowser}, all closed after the test, and on a failure what each one
 * showed is kept under {@code target/browser-failures/<class>/<test>/} (see {@link
 * BrowserDiagnostics}). A class closes what else it opens (proxies, socket clients) in an
 * {@code @AfterEach} of its own, which runs before this one.
 */
abstract class ServerWithChromium {
  static RunningServer server;

  /** A browser this test opened and the page that drives it. */
  private record Opened(HeadlessChromium chromium, AtelierPage page) {}

  private final List<Opened> opened = new ArrayList<>();

  /** On a failure, keeps what each browser showed, before {@link #closeBrowsers} closes them. */
  @RegisterExtension
  final TestExecutionExceptionHandler keepDiagnostics =
      (context, error) -> {
        if (!(error instanceof TestAbortedException)) {
          List<AtelierPage> pages = opened.stream().map(Opened::page).toList();
          BrowserDiagnostics.keep(failureFolder(context), pages, otherDiagnostics());
        }
        throw error;
      };

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

  /** Starts a browser for the person called {@code name}; it is closed after the test. */
  AtelierPage openBrowser(String name) {
    HeadlessChromium chromium = HeadlessChromium.start();
    AtelierPage page = new AtelierPage(chromium.driver(), name);
    opened.add(new Opened(chromium, page));
    return page;
  }

  /** A browser in which {@code name} has joined the workshop at {@code url}. */
  AtelierPage browser(String name, String url) {
    return openBrowser(name).join(url);
  }

  /** How many browsers are open now. */
  int openBrowsers() {
    return opened.size();
  }

  /** Closes one browser during the test: the person leaves. */
  void closeBrowser(AtelierPage page) {
    Opened browser =
        opened.stream()
            .filter(o -> o.page() == page)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not an open browser: " + page.name()));
    opened.remove(browser);
    browser.chromium().close();
  }

  /** What else than the browsers a failure should report; nothing by default. */
  String otherDiagnostics() {
    return "";
  }

  /** Closes every browser, each one even when closing another throws; then throws the first. */
  @AfterEach
  final void closeBrowsers() {
    RuntimeException first = null;
    for (Opened browser : opened) {
      try {
        browser.chromium().close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (first != null) {
      throw first;
    }
  }

  private static Path failureFolder(ExtensionContext context) {
    return Paths.get(
        "target",
        "browser-failures",
        context.getRequiredTestClass().getSimpleName(),
        context.getRequiredTestMethod().getName());
  }
}
