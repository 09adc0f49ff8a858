package io.atelier.adapter.hazelcast;

import com.hazelcast.map.EntryProcessor;
import io.atelier.domain.WorkshopState;
import java.util.Map;

/**
 * Puts a workshop rebuilt from the journal in the map, unless the key already holds one: a call
 * that loaded the same workshop at the same time, whose operations may since have moved it on.
 * Answers whether it put this one.
 */
final class InstallingProcessor implements EntryProcessor<String, WorkshopState, Boolean> {
  private static final long serialVersionUID = 1L;
  private final WorkshopState state;

  InstallingProcessor(WorkshopState state) {
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
