package io.atelier.domain;

import java.util.Locale;

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
    throw new InvalidValueException("unknown step kind " + code);
  }
}
