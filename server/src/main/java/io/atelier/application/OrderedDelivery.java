package io.atelier.application;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a node's feed messages to its listener one at a time, in the order they were handed over,
 * without a thread of its own: the thread that finds nobody delivering delivers, its own message
 * and whatever other threads add meanwhile. So the fan-out keeps what one topic thread gave it (ADR
 * 0002): every socket of a workshop on this node gets that workshop's messages in one order, the
 * listener never runs twice at once, and a message published from inside the listener (a socket
 * closed by a delivery leaves) waits for the current one instead of nesting. Nothing is copied or
 * serialised: the listener gets the very object that was published.
 */
public final class OrderedDelivery implements Consumer<FeedMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(OrderedDelivery.class);
  private static final Consumer<FeedMessage> NOBODY = message -> {};

  private final Queue<FeedMessage> queue = new ConcurrentLinkedQueue<>();
  // Messages queued and not yet delivered; whoever raises it from 0 delivers until it is 0 again.
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Consumer<FeedMessage> listener = NOBODY;

  /** Starts delivering to {@code listener}; messages handed over before are dropped. */
  public void start(Consumer<FeedMessage> listener) {
    this.listener = listener;
  }

  /** Messages handed over from now on (or still queued) go to nobody. */
  public void stop() {
    listener = NOBODY;
  }

  @Override
  public void accept(FeedMessage message) {
    queue.offer(message);
    if (pending.getAndIncrement() != 0) {
      return; // Another thread is delivering: it takes this one before it stops.
    }
    int due = 1;
    do {
      for (int i = 0; i < due; i++) {
        deliver(queue.poll());
      }
      due = pending.addAndGet(-due);
    } while (due != 0);
  }

  private void deliver(FeedMessage message) {
    try {
      listener.accept(message);
    } catch (RuntimeException e) {
      // One failed delivery must not stop the feed for every workshop of the node.
      LOG.error("Delivering a feed message of workshop {} failed", message.workshopId(), e);
    }
  }
}
