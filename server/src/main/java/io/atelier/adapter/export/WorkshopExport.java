package io.atelier.adapter.export;

import io.atelier.domain.Checks;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.Language;
import io.atelier.domain.WorkshopContent;
import io.atelier.domain.WorkshopFacts;

/**
 * A workshop as an export carries it: its title, language and creation time (epoch milliseconds),
 * and its content. No identity and no secret: neither the workshop's id nor its facilitator key,
 * nor any participant's token hash, leaves through an export.
 */
public record WorkshopExport(
    String title, Language language, long createdAt, WorkshopContent content) {
  public WorkshopExport {
    title = Checks.label(title, Checks.MAX_TITLE, "title");
    if (language == null || content == null) {
      throw new InvalidValueException("an export has a language and a content");
    }
  }

  public static WorkshopExport of(WorkshopFacts facts, WorkshopContent content) {
    return new WorkshopExport(facts.title(), facts.language(), facts.createdAt(), content);
  }
}
