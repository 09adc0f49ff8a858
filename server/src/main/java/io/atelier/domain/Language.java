package io.atelier.domain;

/** The working language of a workshop; each person may still choose their own in the client. */
public enum Language {
  FR,
  EN;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Language fromCode(String code) {
    if (code == null) {
      throw new InvalidValueException("language is required");
    }
    return switch (code) {
      case "fr" -> FR;
      case "en" -> EN;
      default -> throw new InvalidValueException("language must be \"fr\" or \"en\"");
    };
  }
}
