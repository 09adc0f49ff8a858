package io.atelier.application;

import io.atelier.domain.RejectionCode;

/**
 * What the path of a change reports as it goes, for the node's live metrics ({@code GET /metrics}).
 * A port, so that sessions, the socket gateway and the journaling store know no metrics library:
 * the node plugs in Micrometer (adapter.metrics), tests and a node run with {@code
 * ATELIER_METRICS=off} plug in {@link #NONE}. Durations are measured by the caller with {@link
 * System#nanoTime()}, so an adapter only records them. Every method is called on the hot path, from
 * any thread: an implementation must be cheap and must not block.
 */
public interface RoomMetrics {
  /** Records nothing. */
  RoomMetrics NONE = new Disabled();

  /**
   * A change was applied and acknowledged to its author.
   *
   * @param nanos from its frame's arrival at the socket to its {@code ack} handed to the socket
   */
  void changeApplied(long nanos);

  /** A change was refused with this code (CH3, HS8); it took the same path up to its answer. */
  void changeRefused(RejectionCode code);

  /** A change was refused as {@code rate_limited} (LM1), before the model saw it. */
  void changeRateLimited();

  /** A frame was handed to a socket; it waits until {@link #frameWritten()}. */
  void frameQueued();

  /**
   * A frame handed to a socket left it: written to the network, or dropped with a closed socket.
   */
  void frameWritten();

  /** A socket was dropped because its reader fell too far behind (LM11: 4010). */
  void slowReaderDropped();

  /**
   * The events of one operation were made durable in the journal.
   *
   * @param nanos from the append's call to its commit reaching the caller
   */
  void eventsJournaled(long nanos);

  /** The null object: a node without metrics pays one virtual call per event, nothing more. */
  final class Disabled implements RoomMetrics {
    private Disabled() {}

    @Override
    public void changeApplied(long nanos) {}

    @Override
    public void changeRefused(RejectionCode code) {}

    @Override
    public void changeRateLimited() {}

    @Override
    public void frameQueued() {}

    @Override
    public void frameWritten() {}

    @Override
    public void slowReaderDropped() {}

    @Override
    public void eventsJournaled(long nanos) {}
  }
}
