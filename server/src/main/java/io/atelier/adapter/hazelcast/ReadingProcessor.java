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
  private final transient LocalAnswer<R> local; // Null once it travelled: see LocalAnswer.

  ReadingProcessor(WorkshopOperation<R> operation) {
    this(operation, null);
  }

  ReadingProcessor(WorkshopOperation<R> operation, LocalAnswer<R> local) {
    this.operation = operation;
    this.local = local;
  }

  private R answer(R result) {
    return LocalAnswer.leave(local, result);
  }

  @Override
  public R process(Map.Entry<String, WorkshopState> entry) {
    WorkshopState state = entry.getValue();
    return answer(state == null ? null : operation.applyTo(state));
  }

  @Override
  public EntryProcessor<String, WorkshopState, R> getBackupProcessor() {
    return null;
  }
}
