package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Sends at a fixed rate whatever the answers (open loop): change {@code n} is due {@code n / rate}
 * seconds after the start, and every millisecond the changes that have fallen due go out. A server
 * that slows down therefore faces the same load, and queues show up as latency instead of as a
 * lower rate. How late each measured change left compared with its schedule is recorded too: a tool
 * that cannot keep up says so.
 */
final class OpenLoop {
  /** Sends change {@code n}; {@code measured} is false during the warm-up. */
  interface Sender {
    void send(long n, boolean measured);
  }

  /** How many changes went out, how many of them were measured, and how late they left. */
  record Result(long sends, long measuredSends, Latencies.Summary lateness) {}

  private OpenLoop() {}

  /** The number of changes sent during the warm-up: the first measured change's number. */
  static long firstMeasured(int rate, int warmupSeconds) {
    return (long) rate * warmupSeconds;
  }

  /** When change {@code n} is due, in nanoseconds after the start. */
  static long dueAt(long n, int rate) {
    return n * 1_000_000_000L / rate;
  }

  static Future<Result> run(Vertx vertx, int rate, int warmupSeconds, int seconds, Sender sender) {
    Promise<Result> done = Promise.promise();
    long total = (long) rate * (warmupSeconds + seconds);
    long firstMeasured = firstMeasured(rate, warmupSeconds);
    Latencies lateness = new Latencies();
    long start = System.nanoTime();
    long[] next = {0};
    vertx.setPeriodic(
        1,
        timer -> {
          long elapsed = System.nanoTime() - start;
          while (next[0] < total && dueAt(next[0], rate) <= elapsed) {
            boolean measured = next[0] >= firstMeasured;
            if (measured) {
              lateness.record(elapsed - dueAt(next[0], rate));
            }
            sender.send(next[0]++, measured);
          }
          if (next[0] == total) {
            vertx.cancelTimer(timer);
            done.complete(new Result(total, total - firstMeasured, lateness.summary()));
          }
        });
    return done.future();
  }
}
