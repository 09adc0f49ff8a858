package io.atelier.domain;

/** An upload that breaks a rule of {@link ImageRules}; the reason tells the HTTP status apart. */
public final class ImageRefusedException extends IllegalArgumentException {
  /** Why an image is refused. */
  public enum Reason {
    /** Neither image/png nor image/jpeg. */
    UNSUPPORTED_TYPE,
    /** The bytes do not start like a file of the declared type. */
    NOT_THAT_TYPE,
    /** Above {@link ImageRules#MAX_BYTES}. */
    TOO_LARGE,
    /** The workshop holds {@link ImageRules#MAX_PER_WORKSHOP} images already. */
    TOO_MANY
  }

  private final Reason reason;

  public ImageRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
