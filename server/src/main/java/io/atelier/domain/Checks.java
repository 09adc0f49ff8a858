package io.atelier.domain;

/**
 * Argument checks shared by the self-validating records of the domain. Each failure is an {@link
 * InvalidValueException} whose message names the field, so that the protocol layer can hand it to
 * the sender as is.
 */
public final class Checks {
  public static final int MAX_ID_LENGTH = 64;
  public static final double MAX_COORDINATE = 100_000;
  public static final double MIN_SIZE = 40;
  public static final double MAX_SIZE = 2_000;
  public static final int MAX_NOTE_TEXT = 2_000;
  public static final int MAX_NAME = 40;
  public static final int MAX_TITLE = 120;

  private Checks() {}

  public static String identifier(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException(field + " is required");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(field + " is longer than " + MAX_ID_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == ':'
              || c == '.';
      if (!allowed) {
        throw new InvalidValueException(field + " may hold only letters, digits and - _ : .");
      }
    }
    return value;
  }

  public static double coordinate(double value, String field) {
    if (!Double.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
      throw new InvalidValueException(field + " must be a finite number within ±100000");
    }
    return value;
  }

  public static double size(double value, String field) {
    if (!Double.isFinite(value) || value < MIN_SIZE || value > MAX_SIZE) {
      throw new InvalidValueException(field + " must be between 40 and 2000");
    }
    return value;
  }

  public static String text(String value, int maxLength, String field) {
    if (value == null) {
      throw new InvalidValueException(field + " is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidValueException(field + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  /** A trimmed, non-blank single-line label such as a display name or a title. */
  public static String label(String value, int maxLength, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field + " is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidValueException(field + " is longer than " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException(field + " may not hold control characters");
    }
    return trimmed;
  }
}
