package io.atelier.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code jcmd}, beside the {@code java} that runs this tool: a full collection on the
 * server and then its heap in use, which is what a connection really keeps alive. It attaches to a
 * JVM of the same user only, and blocks for a second or so: callers run it off the event loop.
 */
final class Jcmd {
  private Jcmd() {}

  static OptionalLong liveHeapBytes(long pid) {
    run(pid, "GC.run");
    return HeapReadings.fromHeapInfo(run(pid, "GC.heap_info"));
  }

  private static String run(long pid, String command) {
    try {
      Process process =
          new ProcessBuilder(List.of(binary(), Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroy();
        throw new IllegalStateException(
            "jcmd " + pid + " " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("jcmd could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while jcmd ran", e);
    }
  }

  private static String binary() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(java -> Path.of(java).resolveSibling("jcmd"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .orElse("jcmd");
  }
}
