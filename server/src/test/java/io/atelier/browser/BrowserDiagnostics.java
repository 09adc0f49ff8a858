package io.atelier.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What each browser of a failed test showed, kept in one folder before the browsers close: for the
 * i-th page {@code <i>-<name>.png} (a screenshot), {@code .html} (the DOM as it was) and {@code
 * .txt} (the address, the engine's state when the page has {@code window.atelier}, and the browser
 * console). Each part is best effort: a browser that is gone still leaves the others.
 */
final class BrowserDiagnostics {
  /** The sync engine and connection as the page holds them, or why there are none. */
  private static final String ENGINE_STATE =
      """
      var a = window.atelier;
      if (!a) return 'no window.atelier';
      var e = a.engine, c = a.connection, arranged = e.arrangement();
      return JSON.stringify({
        connection: c.status(),
        participantId: c.participantId,
        revision: e.confirmedRevision,
        pending: e.pendingCount(),
        participants: e.participantList(),
        canvases: Array.from(arranged.canvases.keys()),
        agendaSteps: arranged.agenda.length,
        progress: arranged.progress,
        timer: arranged.timer,
        notes: e.notes()
      });
      """;

  private BrowserDiagnostics() {}

  /**
   * Writes what the pages show under {@code folder} (emptied first, so that a rerun leaves no stale
   * file) and prints each report to stderr, with {@code other} when it says anything.
   */
  static void keep(Path folder, List<AtelierPage> pages, String other) {
    String label = "[" + folder + "] ";
    try {
      emptyFolder(folder);
    } catch (IOException e) {
      System.err.println(label + "no diagnostics: " + e);
      return;
    }
    for (int i = 0; i < pages.size(); i++) {
      AtelierPage page = pages.get(i);
      String prefix = i + "-" + page.name();
      try {
        String report = report(page);
        Files.writeString(folder.resolve(prefix + ".txt"), report, StandardCharsets.UTF_8);
        WebDriver driver = page.driver();
        Files.writeString(
            folder.resolve(prefix + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        Files.write(
            folder.resolve(prefix + ".png"),
            ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.err.println(label + prefix + "\n" + report);
      } catch (IOException | RuntimeException e) {
        System.err.println(label + "no diagnostics for " + prefix + ": " + e);
      }
    }
    if (!other.isEmpty()) {
      System.err.println(label + other);
      try {
        Files.writeString(folder.resolve("other.txt"), other + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println(label + "could not write other.txt: " + e);
      }
    }
  }

  /** The address, the engine's state and the console: each one said even when another fails. */
  private static String report(AtelierPage page) {
    WebDriver driver = page.driver();
    StringBuilder report = new StringBuilder();
    try {
      report.append("url: ").append(driver.getCurrentUrl()).append('\n');
    } catch (RuntimeException e) {
      report.append("url: ").append(e).append('\n');
    }
    try {
      report.append("state: ").append(page.script(ENGINE_STATE)).append('\n');
    } catch (RuntimeException e) {
      report.append("state: ").append(e).append('\n');
    }
    report.append("console:\n");
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        report.append("  ").append(entry).append('\n');
      }
    } catch (RuntimeException e) {
      report.append("  ").append(e).append('\n');
    }
    return report.toString();
  }

  private static void emptyFolder(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Stream<Path> old = Files.list(folder)) {
      for (Path file : (Iterable<Path>) old::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }
}
