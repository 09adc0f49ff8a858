package io.atelier.config;

import java.util.List;

/**
 * How this node's Hazelcast member finds the others. No members listed: a cluster of one.
 *
 * @param members host:port of the other members, without port ranges
 */
public record ClusterSettings(String clusterName, String host, int port, List<String> members) {
  public ClusterSettings {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("ATELIER_CLUSTER_NAME may not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("ATELIER_CLUSTER_PORT must be a port number");
    }
    members = List.copyOf(members);
  }
}
