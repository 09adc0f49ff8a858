package io.atelier.domain;

import java.util.Locale;

/**
 * What a person may do in a workshop (RO1): steer it, take part, or only watch. Participant is the
 * default and is never stored; the wire code is the lower-case name.
 */
public enum Access {
  FACILITATOR,
  PARTICIPANT,
  OBSERVER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Access fromCode(String code) {
    for (Access access : values()) {
      if (access.code().equals(code)) {
        return access;
      }
    }
    throw new InvalidValueException("access must be facilitator, participant or observer");
  }
}
