package io.atelier.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium with a fresh profile of its own (no cache, no storage), driven by
 * the Debian ChromeDriver, with the flags of the server's browser tests (ServerWithChromium).
 * Selenium Manager is never asked for anything: both paths are given. The profile is deleted on
 * {@link #close()}.
 */
final class HeadlessBrowser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /** How long one page may take to load, and one script (the wait for the board) to answer. */
  static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

  /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final java.util.logging.Logger SELENIUM_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    // No usage statistics and no downloads from Selenium Manager.
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    // Selenium warns at every start that it has no CDP classes for this Chromium: the scenario
    // needs none (executeCdpCommand goes through ChromeDriver), and the warning buries the report.
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessBrowser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Whether Chromium and ChromeDriver are installed where Debian puts them. */
  static boolean installed() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  /** Starts a browser; the caller closes it. */
  static HeadlessBrowser start() {
    if (!installed()) {
      throw new IllegalStateException(
          "The draw scenario needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("atelier-draw-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
      driver.manage().timeouts().scriptTimeout(PAGE_TIMEOUT);
      return new HeadlessBrowser(service, driver, profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The browser's version, as it reports it ("156.0.8078.108"). */
  String version() {
    return driver.getCapabilities().getBrowserVersion();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } catch (RuntimeException ignored) {
      // The browser may already be gone; the service and the profile are still cleaned up.
    } finally {
      try {
        service.stop();
      } finally {
        deleteRecursively(profile);
      }
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException ignored) {
                  // Chromium may still be writing a file as it exits; the rest is removed.
                }
              });
    } catch (IOException ignored) {
      // Best effort: a leftover temp profile is harmless.
    }
  }
}
