package io.atelier.domain;

/** A command or value that breaks a rule of the model; its message names the field and the rule. */
public final class InvalidValueException extends IllegalArgumentException {
  public InvalidValueException(String message) {
    super(message);
  }
}
