package io.atelier.application;

import io.atelier.domain.CursorPosition;
import io.atelier.domain.Event;
import io.atelier.domain.SharedView;
import io.atelier.domain.Visibility;
import io.atelier.domain.WorkshopId;

/**
 * What travels between nodes for one workshop. Not {@code Serializable}: it reaches its own node's
 * sockets as it is, and crosses to the others only in the Hazelcast adapter's own format.
 */
public sealed interface FeedMessage {
  WorkshopId workshopId();

  /** An event the store has committed (RV2), and who may read it as it is (PW1). */
  record Committed(WorkshopId workshopId, Event event, Visibility visibility)
      implements FeedMessage {
    public Committed(WorkshopId workshopId, Event event) {
      this(workshopId, event, Visibility.PUBLIC);
    }
  }

  /** The facilitator deleted the workshop: every node closes its sockets of it. */
  record Deleted(WorkshopId workshopId) implements FeedMessage {}

  /** A volatile cursor move (CU1): never stored. */
  record CursorMoved(WorkshopId workshopId, CursorPosition position) implements FeedMessage {}

  /**
   * A facilitator brings every other screen to its canvas and view (FS1): volatile, never stored.
   * The sending socket's id keeps it from its own screen.
   */
  record Summoned(WorkshopId workshopId, String senderConnectionId, SharedView view)
      implements FeedMessage {}

  /** Where a facilitator's screen is now, for followers (FS2): volatile, throttled. */
  record ViewShared(WorkshopId workshopId, String senderConnectionId, SharedView view)
      implements FeedMessage {}
}
