package io.atelier.application;

import io.atelier.domain.ImageRefusedException;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the images of workshops are kept, readable from every node: in the journal's database when
 * there is one, else in the cluster's memory (ADR 0009). Content-addressed: an image's id is the
 * SHA-256 of its bytes, so putting the same bytes again is the same image, and an export put back
 * keeps its ids. No call blocks the caller.
 */
public interface ImageStore {
  /**
   * Stores an image of a workshop, or finds it stored already. Fails with {@link
   * ImageRefusedException} when the upload breaks {@link ImageRules} (checked again here, whoever
   * the caller) or when the workshop holds {@link ImageRules#MAX_PER_WORKSHOP} other images; the
   * count and the write are one atomic step. Durable once complete when the store is.
   */
  CompletionStage<StoredImage> put(WorkshopId workshop, String contentType, byte[] bytes);

  /** The image of that workshop with that id; empty when there is none. */
  CompletionStage<Optional<StoredImage>> get(WorkshopId workshop, String imageId);

  /** Every image of a workshop, in no particular order: for its export. */
  CompletionStage<List<StoredImage>> all(WorkshopId workshop);

  /** Removes every image of a workshop, when the workshop itself goes. */
  CompletionStage<Void> deleteAll(WorkshopId workshop);
}
