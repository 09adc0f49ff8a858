package io.atelier.load;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a figure was measured on: the processor, its cores, and how busy the machine was. */
final class Machine {
  private Machine() {}

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them; "unknown" elsewhere. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  /** The processor's model name from /proc/cpuinfo; "unknown" elsewhere. */
  static String processor() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The machine's cores, whatever this process is pinned to (taskset). */
  static long cores() {
    try {
      return Math.max(
          1,
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("processor"))
              .count());
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  static JsonObject json(String loadBefore, String loadAfter) {
    return new JsonObject()
        .put("processor", processor())
        .put("cores", cores())
        .put("coresForThisTool", Runtime.getRuntime().availableProcessors())
        .put("loadAverageBefore", loadBefore)
        .put("loadAverageAfter", loadAfter);
  }
}
