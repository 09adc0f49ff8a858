package io.atelier.adapter.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.atelier.config.ClusterSettings;

/**
 * Starts this node's embedded Hazelcast member from our own settings: TCP-IP members listed
 * explicitly, or Hazelcast's Kubernetes discovery when told (never multicast, auto-detection or
 * phone-home), bound to one address.
 */
public final class HazelcastMember {
  private HazelcastMember() {}

  /** Blocks for the few seconds a member takes to start: call it off the event loop. */
  public static HazelcastInstance start(ClusterSettings settings) {
    CompletionThreads.install(); // ADR 0020: no thread started per continuation.
    return Hazelcast.newHazelcastInstance(config(settings));
  }

  static Config config(ClusterSettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setInstanceName("atelier-" + settings.clusterName() + "-" + System.nanoTime());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    boolean anyAddress = "0.0.0.0".equals(settings.host());
    // Bound to one address unless told 0.0.0.0 (containers, whose address is not known ahead).
    config.setProperty("hazelcast.socket.bind.any", Boolean.toString(anyAddress));
    config.getJetConfig().setEnabled(false);
    // Feed messages cross members in a format of our own, not Java serialization (ADR 0002).
    config.getSerializationConfig().addSerializerConfig(FeedMessageSerializer.config());

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
    if (!anyAddress) {
      network.getInterfaces().setEnabled(true).addInterface(settings.host());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    switch (settings.discovery()) {
      case TCP ->
          join.getTcpIpConfig()
              .setEnabled(!settings.members().isEmpty())
              .setMembers(settings.members());
      case KUBERNETES -> {
        // Hazelcast's built-in discovery asks the Kubernetes API for the service's endpoints: the
        // pod's service account needs "get" and "list" on endpoints and pods (see the README).
        join.getTcpIpConfig().setEnabled(false);
        KubernetesConfig kubernetes = join.getKubernetesConfig().setEnabled(true);
        settings.kubernetesNamespace().ifPresent(ns -> kubernetes.setProperty("namespace", ns));
        settings
            .kubernetesServiceName()
            .ifPresent(name -> kubernetes.setProperty("service-name", name));
      }
    }
    config.addListenerConfig(new ListenerConfig(new MembershipLog()));

    config.addMapConfig(
        new MapConfig(HazelcastWorkshopStore.MAP_NAME)
            .setInMemoryFormat(InMemoryFormat.OBJECT)
            .setBackupCount(1)
            .setAsyncBackupCount(0));
    // Images: stored serialized (read whole, never changed in place), backed up like workshops.
    for (String images :
        new String[] {HazelcastImageStore.MAP_NAME, HazelcastImageStore.INDEX_MAP_NAME}) {
      config.addMapConfig(
          new MapConfig(images)
              .setInMemoryFormat(InMemoryFormat.BINARY)
              .setBackupCount(1)
              .setAsyncBackupCount(0));
    }
    return config;
  }
}
