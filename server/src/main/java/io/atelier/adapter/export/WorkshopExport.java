package io.atelier.adapter.export;

import io.atelier.application.StoredImage;
import io.atelier.domain.Checks;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.Language;
import io.atelier.domain.WorkshopContent;
import io.atelier.domain.WorkshopFacts;
import java.util.List;

/**
 * A workshop as an export carries it: its title, language and creation time (epoch milliseconds),
 * its content and its uploaded images. No identity and no secret: neither the workshop's id nor its
 * facilitator key, nor any participant's token hash, leaves through an export.
 */
public record WorkshopExport(
    String title,
    Language language,
    long createdAt,
    WorkshopContent content,
    List<StoredImage> images) {
  public WorkshopExport {
    title = Checks.label(title, Checks.MAX_TITLE, "title");
    if (language == null || content == null) {
      throw new InvalidValueException("an export has a language and a content");
    }
    images = List.copyOf(images);
  }

  /** An export without images (the Markdown and CSV formats never carry them). */
  public WorkshopExport(String title, Language language, long createdAt, WorkshopContent content) {
    this(title, language, createdAt, content, List.of());
  }

  public static WorkshopExport of(
      WorkshopFacts facts, WorkshopContent content, List<StoredImage> images) {
    return new WorkshopExport(facts.title(), facts.language(), facts.createdAt(), content, images);
  }
}
