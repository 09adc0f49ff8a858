package io.atelier.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five pillars of the Commons Sustainability Model (../shared/domain.md). */
public enum Pillar {
  COMMUNITY,
  RESOURCES,
  COPRODUCTION,
  SHARING,
  COGOVERNANCE;

  /** The usual order of discussion: Community first, Co-governance last. */
  public static final List<Pillar> DISCUSSION_ORDER =
      List.of(COMMUNITY, RESOURCES, COPRODUCTION, SHARING, COGOVERNANCE);

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Pillar fromCode(String code) {
    for (Pillar pillar : values()) {
      if (pillar.code().equals(code)) {
        return pillar;
      }
    }
    // The value is not repeated: an error stays short whatever was sent.
    throw new InvalidValueException(
        "pillar must be one of "
            + Arrays.stream(values()).map(Pillar::code).collect(Collectors.joining(", ")));
  }
}
