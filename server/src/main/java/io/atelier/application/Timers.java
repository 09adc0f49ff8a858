package io.atelier.application;

/**
 * Runs something later, once: what a throttle needs to let the last of a burst go out (LM2). A node
 * gives its event loop's timers; tests give a clock they move by hand.
 */
public interface Timers {
  void schedule(long delayMillis, Runnable task);
}
