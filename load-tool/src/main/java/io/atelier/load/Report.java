package io.atelier.load;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run prints: a title, a table a person reads, and one JSON line with the same figures for
 * docs/performance.md and scripts.
 */
final class Report {
  private final String title;
  private final List<String[]> rows = new ArrayList<>();
  private final JsonObject json;

  Report(String title, JsonObject json) {
    this.title = title;
    this.json = json;
  }

  Report row(String label, String value) {
    rows.add(new String[] {label, value});
    return this;
  }

  JsonObject json() {
    return json;
  }

  String text() {
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    StringBuilder text = new StringBuilder(title);
    for (String[] row : rows) {
      text.append(System.lineSeparator())
          .append("  ")
          .append(row[0])
          .append(" ".repeat(width - row[0].length() + 2))
          .append(row[1]);
    }
    return text.toString();
  }

  /** The table, then the JSON line. */
  @Override
  public String toString() {
    return text() + System.lineSeparator() + json.encode();
  }

  static String latency(Latencies.Summary summary) {
    return String.format(
        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
        summary.p50(), summary.p95(), summary.p99(), summary.max(), summary.count());
  }
}
