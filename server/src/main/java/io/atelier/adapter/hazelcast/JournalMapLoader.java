package io.atelier.adapter.hazelcast;

import com.hazelcast.map.MapLoader;
import io.atelier.application.WorkshopLoader;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopState;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-through from the journal: when an operation reaches a workshop the cluster does not hold
 * (after a full restart), its owner rebuilds it from the journal, once. A failure propagates to the
 * operation, so a journal that cannot be read never yields an empty workshop. Nothing is written
 * through here: the journal is written by the store's decorator, in batches.
 */
final class JournalMapLoader implements MapLoader<String, WorkshopState> {
  private final WorkshopLoader loader;

  JournalMapLoader(WorkshopLoader loader) {
    this.loader = loader;
  }

  @Override
  public WorkshopState load(String key) {
    return loader.load(new WorkshopId(key)).orElse(null);
  }

  @Override
  public Map<String, WorkshopState> loadAll(Collection<String> keys) {
    Map<String, WorkshopState> loaded = new HashMap<>();
    for (String key : keys) {
      WorkshopState state = load(key);
      if (state != null) {
        loaded.put(key, state);
      }
    }
    return loaded;
  }

  /** Lazy: workshops come back when someone opens them, not all at start-up. */
  @Override
  public Iterable<String> loadAllKeys() {
    return null;
  }
}
