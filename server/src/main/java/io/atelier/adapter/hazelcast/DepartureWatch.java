package io.atelier.adapter.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.atelier.application.NodeDepartures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a member leaves, the oldest surviving member (one node, not all of them) drops the
 * connections the departed member held. Connection ids start with the member's UUID.
 */
public final class DepartureWatch implements MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(DepartureWatch.class);

  private final NodeDepartures departures;

  public DepartureWatch(NodeDepartures departures) {
    this.departures = departures;
  }

  /** The id a member's connection ids start with. */
  public static String nodeIdOf(com.hazelcast.core.HazelcastInstance hazelcast) {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  @Override
  public void memberAdded(MembershipEvent event) {}

  @Override
  public void memberRemoved(MembershipEvent event) {
    var survivors = event.getMembers();
    if (survivors.isEmpty() || !survivors.iterator().next().localMember()) {
      return; // Another survivor, the oldest, does it.
    }
    String departed = event.getMember().getUuid().toString();
    departures
        .departed(departed)
        .whenComplete(
            (offline, error) -> {
              if (error != null) {
                LOG.warn("Dropping the connections of departed member {} failed", departed, error);
              } else {
                LOG.info(
                    "Member {} left with {} participant(s) connected only through it: now offline",
                    event.getMember().getAddress(),
                    offline);
              }
            });
  }
}
