package io.atelier.load;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap in use, from the two places that tell it: {@code jcmd <pid> GC.heap_info} after
 * a {@code GC.run} (the live heap, honest for a per-connection cost), or the JVM memory gauge of
 * {@code GET /metrics} in Prometheus format when the server has one (no collection first: the
 * figure includes garbage not yet collected). Parsing only; {@link ServerProbe} asks.
 */
final class HeapReadings {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static final String GAUGE = "jvm_memory_used_bytes{";

  private HeapReadings() {}

  /**
   * The heap's used kilobytes in {@code GC.heap_info}, in bytes. G1 prints one line for the whole
   * heap; Parallel and Serial print one per generation: every line that has a {@code total} is a
   * part of the heap (Metaspace's lines have none), and their {@code used} figures add up.
   */
  static OptionalLong fromHeapInfo(String heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      if (!line.contains(" total ") || line.strip().startsWith("Metaspace")) {
        continue;
      }
      Matcher matcher = USED.matcher(line);
      if (matcher.find()) {
        used += Long.parseLong(matcher.group(1)) * 1024;
        found = true;
      }
    }
    return found ? OptionalLong.of(used) : OptionalLong.empty();
  }

  /**
   * The sum of {@code jvm_memory_used_bytes} over its {@code area="heap"} series (Micrometer's JVM
   * memory gauge, one series per memory pool), in bytes; empty when the text has none.
   */
  static OptionalLong fromPrometheus(String text) {
    double used = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(GAUGE) && line.contains("area=\"heap\"")) {
        String value = line.substring(line.lastIndexOf('}') + 1).strip().split("\\s+")[0];
        used += Double.parseDouble(value);
        found = true;
      }
    }
    return found ? OptionalLong.of((long) used) : OptionalLong.empty();
  }
}
