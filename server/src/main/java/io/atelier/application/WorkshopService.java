package io.atelier.application;

import io.atelier.domain.Authority;
import io.atelier.domain.CatchUp;
import io.atelier.domain.Language;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantView;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopContent;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Creating, importing and deleting workshops, answering for their public facts, their content (for
 * exports) and facilitator keys.
 */
public final class WorkshopService {
  private final WorkshopStore store;
  private final ImageStore images;
  private final WorkshopFeed feed;
  private final IdGenerator ids;
  private final Clock clock;

  public WorkshopService(
      WorkshopStore store, ImageStore images, WorkshopFeed feed, IdGenerator ids, Clock clock) {
    this.store = store;
    this.images = images;
    this.feed = feed;
    this.ids = ids;
    this.clock = clock;
  }

  /** How a deletion ended. */
  public enum Deletion {
    DELETED,
    NOT_FOUND,
    NOT_THE_FACILITATOR
  }

  /**
   * Deletes a workshop for a facilitator (RO6): from the journal and memory, then its images, then
   * every node closes its sockets of it (4004).
   */
  public CompletionStage<Deletion> delete(WorkshopId id, String bearer) {
    return authority(id, bearer)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Deletion.NOT_FOUND);
              }
              if (!found.get().facilitator()) {
                return CompletableFuture.completedFuture(Deletion.NOT_THE_FACILITATOR);
              }
              return remove(id).thenApply(gone -> Deletion.DELETED);
            });
  }

  /**
   * Deletes a workshop nobody has changed for the configured time ({@link WorkshopExpiry}): from
   * the journal and memory, and every node closes its sockets of it.
   */
  public CompletionStage<Void> expire(WorkshopId id) {
    return remove(id);
  }

  /**
   * The workshop first, then its images: an upload checks the workshop before it stores, so none
   * starts after the workshop is gone. One that checked just before the deletion and stores after
   * it is refused by the journal's database (the image needs its workshop's row); without a journal
   * it leaves an orphan image in memory, which nothing lists.
   */
  private CompletionStage<Void> remove(WorkshopId id) {
    return store
        .delete(id)
        .thenCompose(gone -> images.deleteAll(id))
        .thenAccept(gone -> feed.publish(new FeedMessage.Deleted(id)));
  }

  /** A new workshop and the facilitator key, which is shown once and stored only hashed. */
  public record CreatedWorkshop(WorkshopFacts facts, String facilitatorKey) {}

  public CompletionStage<CreatedWorkshop> create(String title, Language language) {
    String key = ids.secret();
    WorkshopFacts facts =
        new WorkshopFacts(
            new WorkshopId(ids.workshopId()), title, language, Secrets.hash(key), clock.millis());
    return store
        .create(new WorkshopState(facts))
        .thenApply(done -> new CreatedWorkshop(facts, key));
  }

  /**
   * A new workshop filled with an export's content (EX2): created, then filled by one {@code
   * ContentImported} event that the journal keeps. Every participant gets a fresh token hash of a
   * secret nobody is given, so nobody can speak as them; names, colours and authorship stay. A
   * content that does not hold together is refused before anything is created.
   */
  public CompletionStage<CreatedWorkshop> importWorkshop(
      String title, Language language, WorkshopContent content) {
    return importWorkshop(title, language, content, List.of());
  }

  /**
   * EX2: a new workshop holding an export's content and images. The images keep their ids (the hash
   * of their bytes), so the step texts that show them show them in the copy too.
   */
  public CompletionStage<CreatedWorkshop> importWorkshop(
      String title, Language language, WorkshopContent content, List<StoredImage> imported) {
    WorkshopContent unclaimed =
        new WorkshopContent(
            content.requireConsistent().participants().stream()
                .map(p -> new Participant(p.id(), p.name(), p.color(), Secrets.hash(ids.secret())))
                .toList(),
            content.notes(),
            content.facilitation());
    return create(title, language).thenCompose(created -> fill(created, unclaimed, imported));
  }

  /** Runs the import on the new workshop; one left empty by a failure is removed again. */
  private CompletionStage<CreatedWorkshop> fill(
      CreatedWorkshop created, WorkshopContent content, List<StoredImage> imported) {
    WorkshopId id = created.facts().id();
    return store
        .execute(id, new WorkshopOperation.ImportContent(content))
        .thenCompose(filled -> putAll(id, imported).thenApply(done -> filled))
        .handle(
            (filled, error) -> {
              if (error != null) {
                return error;
              }
              return filled.isPresent()
                  ? null
                  : new IllegalStateException("workshop " + id + " vanished during its import");
            })
        .thenCompose(
            failure -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(created);
              }
              // An empty workshop nobody asked for would only confuse: it goes, then the failure.
              return remove(id)
                  .handle((removed, ignored) -> null)
                  .thenCompose(cleaned -> CompletableFuture.<CreatedWorkshop>failedStage(failure));
            });
  }

  /** Stores the images one after the other: at most 50, each at most 2 MiB. */
  private CompletionStage<Void> putAll(WorkshopId id, List<StoredImage> imported) {
    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
    for (StoredImage image : imported) {
      chain =
          chain
              .thenCompose(done -> images.put(id, image.contentType(), image.bytes()))
              .thenApply(stored -> null);
    }
    return chain;
  }

  /** What a facilitator-only read of a workshop's content found (EX1). */
  public sealed interface ContentAccess {
    /** The content, and the images its step texts may show (complete exports carry them). */
    record Granted(WorkshopFacts facts, WorkshopContent content, List<StoredImage> images)
        implements ContentAccess {}

    enum Refused implements ContentAccess {
      NOT_FOUND,
      NOT_THE_FACILITATOR
    }
  }

  /** The workshop's facts and live content, for a facilitator only (EX1, RO6). */
  public CompletionStage<ContentAccess> content(WorkshopId id, String bearer) {
    return authority(id, bearer)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                return CompletableFuture.completedFuture(ContentAccess.Refused.NOT_FOUND);
              }
              if (!found.get().facilitator()) {
                return CompletableFuture.completedFuture(ContentAccess.Refused.NOT_THE_FACILITATOR);
              }
              WorkshopFacts facts = found.get().facts();
              return store
                  .execute(id, new WorkshopOperation.ReadContent())
                  .thenCombine(
                      images.all(id),
                      (content, stored) ->
                          content
                              .<ContentAccess>map(c -> new ContentAccess.Granted(facts, c, stored))
                              .orElse(ContentAccess.Refused.NOT_FOUND));
            });
  }

  /**
   * RO6: the workshop's facts and whether {@code bearer} opens its facilitator's routes: the
   * workshop's key, or the token of a person whose access is facilitator now (a promoted person has
   * no key). Read where the workshop lives, as an operation: the caller's thread never holds the
   * state. Empty when there is no such workshop.
   */
  public CompletionStage<Optional<Authority>> authority(WorkshopId id, String bearer) {
    String secretHash = bearer == null || bearer.isEmpty() ? null : Secrets.hash(bearer);
    return store.execute(id, new WorkshopOperation.ReadAuthority(secretHash));
  }

  public CompletionStage<Optional<WorkshopFacts>> facts(WorkshopId id) {
    return store.execute(id, new WorkshopOperation.ReadFacts());
  }

  public CompletionStage<List<ParticipantView>> participants(WorkshopId id) {
    return store
        .execute(id, new WorkshopOperation.ReadCatchUp(null))
        .thenApply(
            found ->
                found
                    .map(catchUp -> ((CatchUp.Snapshot) catchUp).participants())
                    .orElse(List.of()));
  }

  /** Whether {@code key} is the facilitator key of the workshop, compared in constant time. */
  public static boolean isFacilitatorKey(WorkshopFacts facts, String key) {
    return key != null && Secrets.constantTimeEquals(facts.facilitatorKeyHash(), Secrets.hash(key));
  }
}
