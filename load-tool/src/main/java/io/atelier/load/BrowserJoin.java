package io.atelier.load;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One person opening the participants' link in a fresh browser, and what the page itself says of
 * it: the marks of web-client/src/main/webroot/js/join-timing.js, each in milliseconds from the
 * navigation's start. The person is already known (their identity is in the browser's storage, as
 * after a first visit): the page goes straight from loading to its hello, with no name to type, and
 * the server sends the full state to a page with nothing, as to a newcomer (HS5).
 */
final class BrowserJoin {
  static final String HELLO_SENT = "atelier:hello-sent";
  static final String SNAPSHOT_RECEIVED = "atelier:snapshot-received";
  static final String SNAPSHOT_APPLIED = "atelier:snapshot-applied";
  static final String BOARD_DRAWN = "atelier:board-drawn";

  /** Answers once the board-drawn mark exists, at once if it does already: no polling. */
  private static final String AWAIT_DRAWN =
      """
      const done = arguments[arguments.length - 1];
      const drawn = () => performance.getEntriesByName(arguments[0], 'mark').length > 0;
      if (drawn()) { done(true); return; }
      new PerformanceObserver((list, observer) => {
        if (drawn()) { observer.disconnect(); done(true); }
      }).observe({ type: 'mark' });
      """;

  private static final String READ_MARKS =
      """
      const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? -1;
      return {
        helloSent: at(arguments[0]),
        snapshotReceived: at(arguments[1]),
        snapshotApplied: at(arguments[2]),
        boardDrawn: at(arguments[3]),
        notes: document.querySelectorAll('.world [data-testid=note]').length,
      };
      """;

  private BrowserJoin() {}

  /** Who the browser comes back as: what the welcome gave another socket of theirs (HS4). */
  record Identity(String token, String participantId, String name) {}

  /** Milliseconds from the navigation's start, and the notes in the page once drawn. */
  record Timings(
      double helloSent,
      double snapshotReceived,
      double snapshotApplied,
      double boardDrawn,
      long notesDrawn,
      String browserVersion) {}

  /**
   * Opens {@code /w/{workshopId}} on {@code node} in a new browser as {@code identity}; with a
   * {@code cpuProfile} path, the page's JavaScript is profiled from the navigation to the drawn
   * board (Chrome DevTools Protocol, Profiler domain) and the profile written there, as Chrome's
   * DevTools open it (a .cpuprofile file).
   */
  static Timings open(URI node, String workshopId, Identity identity, Path cpuProfile) {
    try (HeadlessBrowser browser = HeadlessBrowser.start()) {
      ChromeDriver driver = browser.driver();
      // The identity goes into this origin's storage from a page that loads no script: the
      // workshop's JSON, which leaves the cache as cold as it was.
      driver.get(node.resolve("/api/workshops/" + workshopId).toString());
      driver.executeScript(
          "localStorage.setItem(arguments[0], arguments[1])",
          "atelier.identity." + workshopId,
          new JsonObject()
              .put("token", identity.token())
              .put("participantId", identity.participantId())
              .put("name", identity.name())
              .encode());
      if (cpuProfile != null) {
        driver.executeCdpCommand("Profiler.enable", Map.of());
        driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
        driver.executeCdpCommand("Profiler.start", Map.of());
      }
      driver.get(node.resolve("/w/" + workshopId).toString());
      driver.executeAsyncScript(AWAIT_DRAWN, BOARD_DRAWN);
      if (cpuProfile != null) {
        Object profile = driver.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
        write(cpuProfile, profile);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> marks =
          (Map<String, Object>)
              driver.executeScript(
                  READ_MARKS, HELLO_SENT, SNAPSHOT_RECEIVED, SNAPSHOT_APPLIED, BOARD_DRAWN);
      return new Timings(
          number(marks, "helloSent"),
          number(marks, "snapshotReceived"),
          number(marks, "snapshotApplied"),
          number(marks, "boardDrawn"),
          (long) number(marks, "notes"),
          browser.version());
    }
  }

  private static void write(Path file, Object profile) {
    try {
      Files.writeString(file, Json.encode(profile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double number(Map<String, Object> marks, String name) {
    Object value = marks.get(name);
    if (!(value instanceof Number number) || number.doubleValue() < 0) {
      throw new IllegalStateException("the page has no " + name + " mark: " + marks);
    }
    return number.doubleValue();
  }
}
