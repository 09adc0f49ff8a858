package io.atelier.adapter.hazelcast;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.Map;

/** Runs a read-only operation where the state lives, so only its answer travels, not the state. */
final class ReadingProcessor<R> implements EntryProcessor<String, WorkshopState, R>, ReadOnly {
  private static final long serialVersionUID = 1L;
  private final WorkshopOperation<R> operation;

  ReadingProcessor(WorkshopOperation<R> operation) {
    this.operation = operation;
  }

  @Override
  public R process(Map.Entry<String, WorkshopState> entry) {
    WorkshopState state = entry.getValue();
    return state == null ? null : operation.applyTo(state);
  }

  @Override
  public EntryProcessor<String, WorkshopState, R> getBackupProcessor() {
    return null;
  }
}
