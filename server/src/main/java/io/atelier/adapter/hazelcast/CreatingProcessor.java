package io.atelier.adapter.hazelcast;

import com.hazelcast.map.EntryProcessor;
import io.atelier.domain.WorkshopState;
import java.util.Map;

/**
 * Stores a new workshop unless its key is taken; an entry processor so the call is async. With a
 * journal, the workshop is made durable first, so a call that met it absent may already have read
 * it back from the journal when this runs: the same workshop, just created, is not "taken".
 *
 * <p>The store also puts a workshop it rebuilt from the journal with it (ADR 0022): a copy already
 * in the map, loaded by a concurrent call and perhaps moved on since, is kept.
 */
final class CreatingProcessor implements EntryProcessor<String, WorkshopState, Boolean> {
  private static final long serialVersionUID = 1L;
  private final WorkshopState state;

  CreatingProcessor(WorkshopState state) {
    this.state = state;
  }

  @Override
  public Boolean process(Map.Entry<String, WorkshopState> entry) {
    WorkshopState existing = entry.getValue();
    if (existing != null) {
      return existing.revision() == 0 && existing.facts().equals(state.facts());
    }
    entry.setValue(state);
    return true;
  }
}
