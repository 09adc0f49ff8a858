package io.atelier.adapter.export;

/**
 * A document an import refuses (EX2), with a message that says where and why ("notes[3].x must be a
 * number"), for the person who chose the file.
 */
public final class BadExportException extends RuntimeException {
  public BadExportException(String message) {
    super(message, null, false, false);
  }
}
