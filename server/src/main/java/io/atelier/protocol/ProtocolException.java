package io.atelier.protocol;

/** A message that could not be read (ER1); {@code code} is the wire error code. */
public final class ProtocolException extends Exception {
  private final String code;

  public ProtocolException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
