package io.atelier.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium driven by the Debian ChromeDriver, with a fresh profile of its own
 * that is deleted on {@link #close()}. Selenium Manager is never asked for anything: both paths are
 * given explicitly.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  static {
    // No usage statistics and no downloads from Selenium Manager.
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test when Chromium or ChromeDriver is not installed, unless {@code CI=true},
   * where that is a failure: CI installs both (see .ci/run).
   */
  public static void assumeInstalled() {
    boolean present =
        Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER));
    if (present) {
      return;
    }
    String message =
        "Browser tests need "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (Debian packages chromium and chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + ", and CI=true: they must be installed.");
    }
    Assumptions.abort(message + "; skipped.");
  }

  /** Starts a new browser; the caller closes it. */
  public static HeadlessChromium start() {
    assumeInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("atelier-chromium-");
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
    // Console messages are kept so that a failing test can print them.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new HeadlessChromium(service, driver, profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  public ChromeDriver driver() {
    return driver;
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
    if (!Files.exists(root)) {
      return;
    }
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
