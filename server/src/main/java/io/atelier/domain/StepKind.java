package io.atelier.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an agenda step is for (AG1); the client draws each kind its own way. */
public enum StepKind {
  TEXT,
  CONTENT,
  ROUND_TABLE,
  CANVAS,
  BREAK,
  CLOSING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static StepKind fromCode(String code) {
    for (StepKind kind : values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    // The value is not repeated: an error stays short whatever was sent.
    throw new InvalidValueException(
        "step kind must be one of "
            + Arrays.stream(values()).map(StepKind::code).collect(Collectors.joining(", ")));
  }
}
