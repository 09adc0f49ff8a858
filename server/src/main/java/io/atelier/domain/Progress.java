package io.atelier.domain;

import java.io.Serializable;

/**
 * Where the workshop is in its agenda (AG2 to AG5): the current step and when it began, when the
 * agenda began (for the running-late indicator), whether people may roam, and the pillar the
 * walk-through highlights. Times are the server's epoch milliseconds.
 */
public record Progress(
    String currentStepId,
    Long stepStartedAt,
    Long agendaStartedAt,
    boolean roaming,
    Pillar focusPillar)
    implements Serializable {
  public static final Progress NOT_STARTED = new Progress(null, null, null, false, null);

  Progress at(String stepId, long now) {
    if (stepId == null) {
      return new Progress(null, null, agendaStartedAt, roaming, null);
    }
    return new Progress(
        stepId, now, agendaStartedAt == null ? now : agendaStartedAt, roaming, null);
  }

  Progress roaming(boolean allowed) {
    return new Progress(currentStepId, stepStartedAt, agendaStartedAt, allowed, focusPillar);
  }

  Progress focus(Pillar pillar) {
    return new Progress(currentStepId, stepStartedAt, agendaStartedAt, roaming, pillar);
  }
}
