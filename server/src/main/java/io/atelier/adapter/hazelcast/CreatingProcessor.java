package io.atelier.adapter.hazelcast;

import com.hazelcast.map.EntryProcessor;
import io.atelier.domain.WorkshopState;
import java.util.Map;

/** Stores a new workshop unless its key is taken; an entry processor so the call is async. */
final class CreatingProcessor implements EntryProcessor<String, WorkshopState, Boolean> {
  private static final long serialVersionUID = 1L;
  private final WorkshopState state;

  CreatingProcessor(WorkshopState state) {
    this.state = state;
  }

  @Override
  public Boolean process(Map.Entry<String, WorkshopState> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    entry.setValue(state);
    return true;
  }
}
