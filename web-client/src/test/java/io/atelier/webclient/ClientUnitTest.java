package io.atelier.webclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser client's unit tests (web-client/test, Node's built-in runner) as part of the
 * Maven build. Node is optional on a developer's machine; under CI=true it is required.
 */
class ClientUnitTest {

  @Test
  @DisplayName("the web client's unit tests pass under node --test")
  void nodeTestsPass() throws IOException, InterruptedException {
    boolean nodePresent = nodeVersion() != null;
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(nodePresent, "node is not installed: the client's unit tests are skipped");
    }
    assertThat(nodePresent).as("node must be installed in CI").isTrue();

    Path tests = Path.of("test");
    assertThat(tests).isDirectory();
    try (var files = Files.list(tests)) {
      assertThat(files.filter(f -> f.toString().endsWith(".test.mjs")).count()).isPositive();
    }
    Process node =
        new ProcessBuilder("node", "--test", "--test-reporter=spec", "test/")
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("node --test finished").isTrue();
    System.out.println(output);
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("fail 0");
  }

  private static String nodeVersion() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? version : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
