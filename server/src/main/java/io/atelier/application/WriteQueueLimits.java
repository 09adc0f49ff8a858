package io.atelier.application;

import java.util.function.LongSupplier;

/**
 * LM11: how far behind a socket's reader may fall before the node drops it, with the node's
 * monotonic clock. Sizes count the characters of the JSON text handed to the socket and not yet
 * written to the network (a byte each for the ASCII most of it is).
 *
 * @param markChars the high-water mark: above it, a reader has {@code graceNanos} to come back
 *     under
 * @param capChars the hard cap: what would take the backlog above it is never queued, and the
 *     reader is dropped at once
 * @param graceNanos how long a backlog may stay above the mark: a phone switching networks stalls
 *     for a few seconds and must not be dropped for it
 */
public record WriteQueueLimits(long markChars, long capChars, long graceNanos, LongSupplier nanos) {

  public WriteQueueLimits {
    if (markChars < 1 || capChars < markChars || graceNanos < 0) {
      throw new IllegalArgumentException(
          "A write queue needs 0 < mark <= cap and a grace of 0 or more, not "
              + markChars
              + ", "
              + capChars
              + ", "
              + graceNanos);
    }
  }

  /** The account of one socket's backlog. */
  WriteBacklog backlog() {
    return new WriteBacklog(markChars, capChars, graceNanos, nanos);
  }
}
