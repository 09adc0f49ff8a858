package io.atelier.application;

import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopState;
import java.util.Optional;

/**
 * How a store finds a workshop that is not in memory (after a restart): by rebuilding it from the
 * journal. Blocking; a failure is thrown, never answered as "no such workshop".
 */
@FunctionalInterface
public interface WorkshopLoader {
  WorkshopLoader NONE = id -> Optional.empty();

  Optional<WorkshopState> load(WorkshopId id);

  static WorkshopLoader from(WorkshopJournal journal) {
    return id -> journal.load(id).map(JournaledWorkshop::rebuild);
  }
}
