package io.atelier.testing;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.config.ClusterSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Two bare Hazelcast members of Atelier's configuration on loopback, in a cluster of their own,
 * each listing the other (no port ranges); ready once both see two members.
 */
public final class TwoMembers implements AutoCloseable {
  public final HazelcastInstance first;
  public final HazelcastInstance second;

  private TwoMembers(HazelcastInstance first, HazelcastInstance second) {
    this.first = first;
    this.second = second;
  }

  public static TwoMembers start(String purpose) {
    String cluster = purpose + "-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.take(2);
    HazelcastInstance first = member(cluster, ports.get(0), ports.get(1));
    HazelcastInstance second = member(cluster, ports.get(1), ports.get(0));
    Await.condition(
        () -> first.getCluster().getMembers().size() == 2,
        Duration.ofSeconds(30),
        () -> "members: " + first.getCluster().getMembers());
    return new TwoMembers(first, second);
  }

  private static HazelcastInstance member(String cluster, int port, int other) {
    return HazelcastMember.start(
        new ClusterSettings(cluster, "127.0.0.1", port, List.of("127.0.0.1:" + other)));
  }

  @Override
  public void close() {
    second.shutdown();
    first.shutdown();
  }
}
