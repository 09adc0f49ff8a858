package io.atelier.adapter.hazelcast;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;

/**
 * Counts an image into its workshop's index, on the partition that owns the workshop's entry:
 * concurrent uploads to one workshop run one at a time there, so the limit holds across the
 * cluster. Answers true when the id is held (already or now), false when the workshop is full.
 */
final class ReservingImageProcessor implements EntryProcessor<String, ImageIndex, Boolean> {
  private static final long serialVersionUID = 1L;
  private final String imageId;
  private final int limit;

  ReservingImageProcessor(String imageId, int limit) {
    this.imageId = imageId;
    this.limit = limit;
  }

  @Override
  public Boolean process(Map.Entry<String, ImageIndex> entry) {
    ImageIndex index = entry.getValue() == null ? new ImageIndex(List.of()) : entry.getValue();
    if (index.ids().contains(imageId)) {
      return true;
    }
    if (index.ids().size() >= limit) {
      return false;
    }
    entry.setValue(index.with(imageId));
    return true;
  }
}
