package io.atelier.adapter.hazelcast;

import com.hazelcast.map.EntryProcessor;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import java.util.Map;

/**
 * Runs an operation that changes a workshop, on its partition thread. The backup replica runs the
 * same operation on its copy (the default backup processor): operations are deterministic given the
 * state, so both copies stay equal without shipping the whole state.
 */
final class MutatingProcessor<R> implements EntryProcessor<String, WorkshopState, R> {
  private static final long serialVersionUID = 1L;
  private final WorkshopOperation<R> operation;
  private final transient LocalAnswer<R> local; // Null once it travelled: see LocalAnswer.

  MutatingProcessor(WorkshopOperation<R> operation) {
    this(operation, null);
  }

  MutatingProcessor(WorkshopOperation<R> operation, LocalAnswer<R> local) {
    this.operation = operation;
    this.local = local;
  }

  private R answer(R result) {
    return LocalAnswer.leave(local, result);
  }

  @Override
  public R process(Map.Entry<String, WorkshopState> entry) {
    WorkshopState state = entry.getValue();
    if (state == null) {
      return answer(null); // No workshop: leave the key absent rather than create an empty one.
    }
    R result = operation.applyTo(state);
    entry.setValue(state); // The in-memory format is OBJECT: this publishes the change.
    return answer(result);
  }
}
