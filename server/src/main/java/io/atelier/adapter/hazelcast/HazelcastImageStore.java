package io.atelier.adapter.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.domain.ImageFormat;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Images in the cluster's memory, for a cluster without a journal: every member reads what any
 * member stored, and each image has a synchronous backup like the workshops. Two maps: the bytes by
 * workshop and image id, and per workshop the ids it holds, changed by an entry processor on its
 * owner that makes "count, then add" one step. Nothing survives a full stop, as for the workshops.
 */
public final class HazelcastImageStore implements ImageStore {
  public static final String MAP_NAME = "atelier.images";
  public static final String INDEX_MAP_NAME = "atelier.image-index";

  private final IMap<String, Image> images;
  private final IMap<String, ImageIndex> index;

  public HazelcastImageStore(HazelcastInstance hazelcast) {
    this.images = hazelcast.getMap(MAP_NAME);
    this.index = hazelcast.getMap(INDEX_MAP_NAME);
  }

  /** The value of {@link #MAP_NAME}: what the key does not already say. */
  record Image(String contentType, byte[] bytes) implements Serializable {}

  /**
   * The id is counted first, then the bytes written. An id counted whose bytes could not be written
   * (a member lost mid-call) reads as absent and keeps its place until the same image is uploaded
   * again, which writes them.
   */
  @Override
  public CompletionStage<StoredImage> put(WorkshopId workshop, String contentType, byte[] bytes) {
    StoredImage image;
    try {
      ImageFormat format = ImageRules.check(contentType, bytes);
      image = StoredImage.of(format, bytes.clone());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return index
        .submitToKey(
            workshop.value(), new ReservingImageProcessor(image.id(), ImageRules.MAX_PER_WORKSHOP))
        .thenCompose(
            counted -> {
              if (!counted) {
                return CompletableFuture.failedFuture(ImageRules.tooMany());
              }
              return images
                  .setAsync(
                      key(workshop, image.id()), new Image(image.contentType(), image.bytes()))
                  .thenApply(written -> image);
            });
  }

  @Override
  public CompletionStage<Optional<StoredImage>> get(WorkshopId workshop, String imageId) {
    return images
        .getAsync(key(workshop, imageId))
        .thenApply(
            found ->
                Optional.ofNullable(found)
                    .map(image -> new StoredImage(imageId, image.contentType(), image.bytes())));
  }

  @Override
  public CompletionStage<List<StoredImage>> all(WorkshopId workshop) {
    return index
        .getAsync(workshop.value())
        .thenCompose(
            held -> {
              List<CompletableFuture<Optional<StoredImage>>> reads = new ArrayList<>();
              for (String id : held == null ? List.<String>of() : held.ids()) {
                reads.add(get(workshop, id).toCompletableFuture());
              }
              return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done ->
                          reads.stream()
                              .map(CompletableFuture::join)
                              .flatMap(Optional::stream)
                              .toList());
            });
  }

  @Override
  public CompletionStage<Void> deleteAll(WorkshopId workshop) {
    return index
        .removeAsync(workshop.value())
        .thenCompose(
            held -> {
              List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
              for (String id : held == null ? List.<String>of() : held.ids()) {
                deletes.add(images.deleteAsync(key(workshop, id)).toCompletableFuture());
              }
              return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
            });
  }

  private static String key(WorkshopId workshop, String imageId) {
    return workshop.value() + "/" + Objects.requireNonNull(imageId);
  }
}
