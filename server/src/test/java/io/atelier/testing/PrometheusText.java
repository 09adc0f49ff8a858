package io.atelier.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code GET /metrics} read as Prometheus' text format (0.0.4): its samples, each a
 * name, labels and a value, and the type each metric family declares. Strict: a line that is
 * neither a comment nor a well-formed sample fails the test, so the tests check the format as well.
 */
public final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? ([-+]?(?:[0-9.eE+-]+|NaN|Inf))(?: -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\\w+)");

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = samples;
    this.types = types;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
          types.put(type.group(1), type.group(2));
        }
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("Not a Prometheus sample line: " + line);
      }
      samples.add(
          new Sample(sample.group(1), labels(sample.group(2), line), number(sample.group(3))));
    }
    return new PrometheusText(samples, types);
  }

  /** The type a family declares in its {@code # TYPE} line: counter, gauge, histogram... */
  public Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  /** Every sample of that name. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The one sample of that name whose labels include {@code labels}. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    List<Sample> matching =
        samples(name).stream()
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    if (matching.size() > 1) {
      throw new AssertionError("Several samples " + name + labels + ": " + matching);
    }
    return matching.stream().findFirst().map(Sample::value);
  }

  /** The sum of every sample of that name, whatever its labels; 0 without one. */
  public double sum(String name) {
    return samples(name).stream().mapToDouble(Sample::value).sum();
  }

  /** The one sample of that name, which must be there. */
  public double value(String name) {
    return value(name, Map.of()).orElseThrow(() -> new AssertionError("No sample " + name));
  }

  public double value(String name, String label, String labelValue) {
    return value(name, Map.of(label, labelValue))
        .orElseThrow(() -> new AssertionError("No sample " + name + "{" + label + "}"));
  }

  /** Atelier's own samples, for a failed await's message. */
  @Override
  public String toString() {
    return samples.stream()
        .filter(s -> s.name().startsWith("atelier_") && !s.name().endsWith("_bucket"))
        .filter(s -> s.value() != 0 || !s.name().equals("atelier_changes_refused_total"))
        .map(s -> s.name() + s.labels() + "=" + s.value())
        .toList()
        .toString();
  }

  private static Map<String, String> labels(String text, String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher label = LABEL.matcher(text);
    int end = 0;
    while (label.lookingAt()) {
      labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      end = label.end();
      label.region(end, text.length());
    }
    if (end != text.length()) {
      throw new AssertionError("Malformed labels: " + line);
    }
    return labels;
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
