package io.atelier.application;

import io.atelier.domain.Authority;
import io.atelier.domain.ImageRefusedException;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The images of the agenda's content steps: the facilitator uploads them, everyone in the workshop
 * reads them. An upload is authorised (the facilitator key, or a facilitator's token: RO6), then
 * validated ({@link ImageRules}), then stored; the store keeps the per-workshop count.
 */
public final class ImageService {
  private final WorkshopService workshops;
  private final ImageStore images;

  public ImageService(WorkshopService workshops, ImageStore images) {
    this.workshops = workshops;
    this.images = images;
  }

  /** How an upload ended. */
  public sealed interface Upload {
    /** Stored, or found stored already (the same bytes). */
    record Stored(StoredImage image) implements Upload {}

    record NoSuchWorkshop() implements Upload {}

    record NotTheFacilitator() implements Upload {}

    /** The upload breaks a rule of {@link ImageRules}; the message says which. */
    record Refused(ImageRefusedException.Reason reason, String message) implements Upload {}
  }

  /** {@code bearer}: the facilitator key, or the token of a person who facilitates now (RO6). */
  public CompletionStage<Upload> upload(
      WorkshopId id, String bearer, String contentType, byte[] bytes) {
    return workshops
        .authority(id, bearer)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new Upload.NoSuchWorkshop());
              }
              return authorised(found.get(), contentType, bytes);
            });
  }

  private CompletionStage<Upload> authorised(
      Authority authority, String contentType, byte[] bytes) {
    if (!authority.facilitator()) {
      return CompletableFuture.completedFuture(new Upload.NotTheFacilitator());
    }
    WorkshopFacts facts = authority.facts();
    try {
      ImageRules.check(contentType, bytes);
    } catch (ImageRefusedException e) {
      return CompletableFuture.completedFuture(refused(e));
    }
    return images
        .put(facts.id(), contentType, bytes)
        .handle(
            (image, error) -> {
              if (error == null) {
                return new Upload.Stored(image);
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof ImageRefusedException refusal) {
                return refused(refusal); // One image too many.
              }
              throw new CompletionException(cause);
            });
  }

  /** An image of a workshop, for anyone with the workshop's link; empty for a malformed id. */
  public CompletionStage<Optional<StoredImage>> find(WorkshopId id, String imageId) {
    if (!ImageRules.isImageId(imageId)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return images.get(id, imageId);
  }

  private static Upload refused(ImageRefusedException refusal) {
    return new Upload.Refused(refusal.reason(), refusal.getMessage());
  }
}
