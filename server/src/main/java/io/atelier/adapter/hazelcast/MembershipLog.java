package io.atelier.adapter.hazelcast;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.MembershipEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every change of the cluster's membership at INFO, so that an operator reading one node's log
 * sees when another node joined or died and how many remain. Registered in the member's
 * configuration, so it also logs the members found at start-up.
 */
final class MembershipLog implements InitialMembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipLog.class);

  @Override
  public void init(InitialMembershipEvent event) {
    LOG.info(
        "Member {} starting; it sees {} member(s): {}",
        event.getCluster().getLocalMember().getAddress(),
        event.getMembers().size(),
        event.getMembers());
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    if (event.getMember().localMember()) {
      return; // Already logged by init, with the members this one found.
    }
    LOG.info(
        "Member joined: {}; the cluster now has {} member(s)",
        event.getMember().getAddress(),
        event.getMembers().size());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.info(
        "Member left: {}; the cluster now has {} member(s)",
        event.getMember().getAddress(),
        event.getMembers().size());
  }
}
