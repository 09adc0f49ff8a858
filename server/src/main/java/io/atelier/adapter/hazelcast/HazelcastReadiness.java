package io.atelier.adapter.hazelcast;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.atelier.application.ReadinessCheck;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Ready while this node's member is running and its cluster is {@link ClusterState#ACTIVE} (a
 * cluster shutting down is {@code PASSIVE} and refuses writes). A member that has lost its partners
 * but still runs stays ready: it serves the workshops it holds, and Hazelcast merges it back when
 * they return.
 */
public final class HazelcastReadiness implements ReadinessCheck {
  private final HazelcastInstance hazelcast;
  private final Executor worker;

  /**
   * @param worker where the Hazelcast calls run: they read local state, but Hazelcast does not
   *     promise that any of its calls never blocks, and the caller is an event loop
   */
  public HazelcastReadiness(HazelcastInstance hazelcast, Executor worker) {
    this.hazelcast = hazelcast;
    this.worker = worker;
  }

  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public CompletionStage<Optional<String>> problem() {
    return CompletableFuture.supplyAsync(this::problemNow, worker);
  }

  /** How many members this node sees in its cluster, itself included. */
  public CompletionStage<Integer> members() {
    return CompletableFuture.supplyAsync(() -> hazelcast.getCluster().getMembers().size(), worker);
  }

  private Optional<String> problemNow() {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return Optional.of("the Hazelcast member is not running");
    }
    ClusterState state = hazelcast.getCluster().getClusterState();
    if (state != ClusterState.ACTIVE) {
      return Optional.of("the cluster is " + state + ", not ACTIVE");
    }
    return Optional.empty();
  }
}
