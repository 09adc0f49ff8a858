package io.atelier.application;

import io.atelier.domain.Checkpoint;
import io.atelier.domain.Event;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopState;
import java.util.List;
import java.util.Optional;

/** A workshop as the journal holds it: facts, latest checkpoint, and the events after it. */
public record JournaledWorkshop(
    WorkshopFacts facts, Optional<Checkpoint> checkpoint, List<Event> events) {

  public JournaledWorkshop {
    events = List.copyOf(events);
  }

  /**
   * The state a restart starts from: the checkpoint (or nothing) with the later events replayed.
   */
  public WorkshopState rebuild() {
    WorkshopState state =
        checkpoint.map(WorkshopState::restore).orElseGet(() -> new WorkshopState(facts));
    for (Event event : events) {
      if (event.revision() > state.revision()) {
        state.replay(event);
      }
    }
    return state;
  }
}
