package io.atelier.domain;

import java.util.Locale;

/**
 * Why a well-formed change was refused by the model (CH3); the wire code is the lower-case name.
 */
public enum RejectionCode {
  NOTE_EXISTS,
  UNKNOWN_NOTE,
  NOTE_DELETED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
