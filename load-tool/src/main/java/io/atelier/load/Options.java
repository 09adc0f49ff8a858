package io.atelier.load;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --name value} pairs, each read with its bounds. A name nobody read is a
 * typo, refused at the end rather than silently ignored ({@link #requireAllRead}).
 */
final class Options {
  private final Map<String, String> values;
  private final Set<String> read = new LinkedHashSet<>();

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("Options are --name value pairs; got " + args[i]);
      }
      if (values.put(args[i].substring(2), args[++i]) != null) {
        throw new IllegalArgumentException(args[i - 1] + " is given twice");
      }
    }
    return new Options(values);
  }

  String text(String name, String fallback) {
    read.add(name);
    return values.getOrDefault(name, fallback);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback, int min, int max) {
    String value = text(name, Integer.toString(fallback));
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
    }
    return parsed;
  }

  double decimal(String name, double fallback, double min, double max) {
    String value = text(name, Double.toString(fallback));
    double parsed;
    try {
      parsed = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not " + value);
    }
    if (!(parsed >= min && parsed <= max)) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
    }
    return parsed;
  }

  /** Refuses an option no scenario read: {@code --rate} mistyped as {@code --rates}. */
  void requireAllRead() {
    for (String name : values.keySet()) {
      if (!read.contains(name)) {
        throw new IllegalArgumentException(
            "--" + name + " is not an option of this scenario (it reads " + read + ")");
      }
    }
  }
}
