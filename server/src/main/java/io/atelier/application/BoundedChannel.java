package io.atelier.application;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A socket as a {@link ClientChannel}, with a bound on what it holds for a reader that does not
 * keep up (LM11). Sends come from Hazelcast's threads (store completions, the feed) as well as the
 * event loop; each message is counted in the socket's {@link WriteBacklog} and written on the
 * socket's own thread. A reader too far behind is dropped with 4010: nothing more is queued for it,
 * what was queued and not yet written is discarded, and its browser reconnects and catches up from
 * its last revision (HS5), which costs the room one catch-up instead of an ever longer queue.
 */
public final class BoundedChannel implements ClientChannel {
  /** LM11: the reader was too far behind; a normal reconnect, not a refusal. */
  public static final int CLOSE_TOO_FAR_BEHIND = 4010;

  public static final String TOO_FAR_BEHIND = "Too far behind: reconnecting to catch up";

  private final SocketWire wire;
  private final WriteBacklog backlog;
  private final SlowReaders slowReaders;
  private final RoomMetrics metrics;
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final AtomicBoolean firstCatchUp = new AtomicBoolean(true);

  /**
   * @param metrics counts each frame from its hand-over until it is written or discarded (the
   *     fan-out's depth), and each drop
   */
  public BoundedChannel(
      SocketWire wire, WriteQueueLimits limits, SlowReaders slowReaders, RoomMetrics metrics) {
    this.wire = wire;
    this.backlog = limits.backlog();
    this.slowReaders = slowReaders;
    this.metrics = metrics;
  }

  @Override
  public void send(String frame) {
    if (dropped.get()) {
      return;
    }
    int size = frame.length();
    if (backlog.offer(size)) {
      metrics.frameQueued();
      wire.post(() -> deliver(frame, size));
    } else {
      drop();
    }
  }

  /**
   * A socket's first catch-up, the one that answers its hello, is neither counted nor capped: a
   * newcomer needs it whole whatever its size, and a large snapshot read slowly over a weak network
   * must not make the socket look behind. It costs one catch-up per socket. Later ones (SY1) are
   * counted like any message: a client asking for them without reading falls behind.
   */
  @Override
  public void sendCatchUp(List<String> frames) {
    if (firstCatchUp.compareAndSet(true, false)) {
      for (String frame : frames) {
        metrics.frameQueued();
        wire.post(() -> deliver(frame, 0));
      }
    } else {
      frames.forEach(this::send);
    }
  }

  @Override
  public void close(int code, String reason) {
    wire.post(
        () -> {
          if (!dropped.get()) { // A dropped socket is already closing, with the reason that holds.
            wire.close(code, reason);
          }
        });
  }

  /** The socket's thread. */
  private void deliver(String frame, int size) {
    if (!dropped.get() && backlog.behindTooLong()) {
      drop();
    }
    if (dropped.get()) {
      gone(size);
      return;
    }
    wire.write(frame, () -> gone(size));
  }

  /** The socket's thread: a frame handed over was written, or discarded. */
  private void gone(int size) {
    backlog.gone(size);
    metrics.frameWritten();
  }

  private void drop() {
    if (dropped.compareAndSet(false, true)) {
      slowReaders.dropped(backlog.peak());
      metrics.slowReaderDropped();
      // After the tasks already posted, which now only discard their message.
      wire.post(() -> wire.closeBehind(CLOSE_TOO_FAR_BEHIND, TOO_FAR_BEHIND));
    }
  }

  /** Whether this socket was dropped for being too far behind. */
  boolean dropped() {
    return dropped.get();
  }

  /** Characters handed to this socket and not yet written. */
  long backlog() {
    return backlog.queued();
  }

  /** The largest backlog this socket ever had. */
  long peakBacklog() {
    return backlog.peak();
  }
}
