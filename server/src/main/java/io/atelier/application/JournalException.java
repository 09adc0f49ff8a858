package io.atelier.application;

/**
 * The journal could not be read or written. A store that meets it while loading a workshop fails
 * the operation and keeps nothing: a failed load must never be mistaken for an empty workshop.
 */
public class JournalException extends RuntimeException {
  private final boolean corrupt;

  public JournalException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private JournalException(String message, Throwable cause, boolean corrupt) {
    super(message, cause);
    this.corrupt = corrupt;
  }

  /** A record that cannot be decoded: reported and skipped, never fatal to the node. */
  public static JournalException corrupt(String message, Throwable cause) {
    return new JournalException(message, cause, true);
  }

  public boolean isCorrupt() {
    return corrupt;
  }
}
