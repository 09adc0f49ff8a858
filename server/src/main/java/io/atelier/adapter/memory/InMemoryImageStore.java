package io.atelier.adapter.memory;

import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.domain.ImageFormat;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Images in a map of this process, for a single process without a journal and for tests. Each
 * workshop's images are guarded by their own monitor, which makes the count and the write one step.
 */
public final class InMemoryImageStore implements ImageStore {
  private final ConcurrentMap<WorkshopId, Map<String, StoredImage>> workshops =
      new ConcurrentHashMap<>();

  @Override
  public CompletionStage<StoredImage> put(WorkshopId workshop, String contentType, byte[] bytes) {
    StoredImage image;
    try {
      ImageFormat format = ImageRules.check(contentType, bytes);
      image = StoredImage.of(format, bytes.clone());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Map<String, StoredImage> images =
        workshops.computeIfAbsent(workshop, id -> new LinkedHashMap<>());
    synchronized (images) {
      StoredImage stored = images.get(image.id());
      if (stored != null) {
        return CompletableFuture.completedFuture(stored);
      }
      if (images.size() >= ImageRules.MAX_PER_WORKSHOP) {
        return CompletableFuture.failedFuture(ImageRules.tooMany());
      }
      images.put(image.id(), image);
    }
    return CompletableFuture.completedFuture(image);
  }

  @Override
  public CompletionStage<Optional<StoredImage>> get(WorkshopId workshop, String imageId) {
    Map<String, StoredImage> images = workshops.get(workshop);
    if (images == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    synchronized (images) {
      return CompletableFuture.completedFuture(Optional.ofNullable(images.get(imageId)));
    }
  }

  @Override
  public CompletionStage<List<StoredImage>> all(WorkshopId workshop) {
    Map<String, StoredImage> images = workshops.get(workshop);
    if (images == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    synchronized (images) {
      return CompletableFuture.completedFuture(new ArrayList<>(images.values()));
    }
  }

  @Override
  public CompletionStage<Void> deleteAll(WorkshopId workshop) {
    workshops.remove(workshop);
    return CompletableFuture.completedFuture(null);
  }
}
