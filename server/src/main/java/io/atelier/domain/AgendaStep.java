package io.atelier.domain;

import java.io.Serializable;

/**
 * One step of a workshop's agenda (AG1). {@code body} is Markdown written by the facilitator;
 * {@code templateId} and {@code pillarMinutes} only make sense for canvas exercises, where the
 * walk-through visits each pillar for that many minutes (AG5).
 */
public record AgendaStep(
    String id,
    StepKind kind,
    String title,
    String body,
    int minutes,
    String templateId,
    Integer pillarMinutes)
    implements Serializable {
  public static final int MAX_BODY = 20_000;
  public static final int MAX_MINUTES = 600;
  public static final int MAX_PILLAR_MINUTES = 60;

  public AgendaStep {
    Checks.identifier(id, "step id");
    if (kind == null) {
      throw new InvalidValueException("step kind is required");
    }
    title = Checks.label(title, Checks.MAX_TITLE, "step title");
    Checks.text(body, MAX_BODY, "step body");
    if (minutes < 0 || minutes > MAX_MINUTES) {
      throw new InvalidValueException("step minutes must be between 0 and " + MAX_MINUTES);
    }
    if (templateId != null && !Canvas.TEMPLATES.contains(templateId)) {
      throw new InvalidValueException("step template must be one of " + Canvas.TEMPLATES);
    }
    if (pillarMinutes != null && (pillarMinutes < 1 || pillarMinutes > MAX_PILLAR_MINUTES)) {
      throw new InvalidValueException("pillarMinutes must be between 1 and " + MAX_PILLAR_MINUTES);
    }
    if (kind != StepKind.CANVAS && (templateId != null || pillarMinutes != null)) {
      throw new InvalidValueException("only canvas steps have a template or pillar minutes");
    }
  }
}
