package io.atelier.adapter.hazelcast;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run what follows a Hazelcast call, one pool for the JVM (ADR 0020). Hazelcast
 * runs the continuations of its futures, its own internal ones included, on a default executor: the
 * JVM's common pool or, when that pool has one thread (a node on one or two cores), a new thread
 * for each continuation. A node pinned to one core started two threads per change that way. {@link
 * #install()} makes this pool Hazelcast's default; the store also hands its answers over here.
 */
final class CompletionThreads {
  /** The names of these threads start with this. */
  static final String PREFIX = "atelier-store-completions-";

  /** As many as the node has cores (two at least); idle ones end, so none outlives its use. */
  static final Executor POOL = pool();

  private CompletionThreads() {}

  /**
   * Hazelcast's default executor for continuations becomes this pool. Hazelcast keeps it in an
   * internal class ({@code ConcurrencyUtil}); {@code CompletionThreadsTest} fails if a Hazelcast
   * upgrade moves it.
   */
  static void install() {
    if (ConcurrencyUtil.getDefaultAsyncExecutor() != POOL) {
      ConcurrencyUtil.setDefaultAsyncExecutor(POOL);
    }
  }

  private static Executor pool() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger started = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, PREFIX + started.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
