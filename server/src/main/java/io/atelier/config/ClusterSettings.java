package io.atelier.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How this node's Hazelcast member finds the others: the members listed by address ({@code tcp},
 * none listed: a cluster of one) or the pods behind a Kubernetes service ({@code kubernetes}).
 *
 * @param members host:port of the other members, without port ranges ({@code tcp} only)
 * @param discovery {@code ATELIER_CLUSTER_DISCOVERY}: {@code tcp} (default) or {@code kubernetes}
 * @param kubernetesNamespace {@code ATELIER_K8S_NAMESPACE}; absent: the pod's own namespace
 * @param kubernetesServiceName {@code ATELIER_K8S_SERVICE_NAME}; absent: every pod of the namespace
 */
public record ClusterSettings(
    String clusterName,
    String host,
    int port,
    List<String> members,
    Discovery discovery,
    Optional<String> kubernetesNamespace,
    Optional<String> kubernetesServiceName) {

  /** How members find each other. */
  public enum Discovery {
    TCP,
    KUBERNETES
  }

  public ClusterSettings {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("ATELIER_CLUSTER_NAME may not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("ATELIER_CLUSTER_PORT must be a port number");
    }
    members = List.copyOf(members);
    if (discovery == Discovery.KUBERNETES && !members.isEmpty()) {
      throw new IllegalArgumentException(
          "ATELIER_CLUSTER_MEMBERS is for tcp discovery; kubernetes discovery finds the pods");
    }
    kubernetesNamespace = kubernetesNamespace.filter(value -> !value.isBlank());
    kubernetesServiceName = kubernetesServiceName.filter(value -> !value.isBlank());
  }

  /** Members listed by address; none means a cluster of one. */
  public ClusterSettings(String clusterName, String host, int port, List<String> members) {
    this(clusterName, host, port, members, Discovery.TCP, Optional.empty(), Optional.empty());
  }

  static ClusterSettings fromEnvironment(Map<String, String> env) {
    return new ClusterSettings(
        env.getOrDefault("ATELIER_CLUSTER_NAME", "atelier"),
        env.getOrDefault("ATELIER_CLUSTER_HOST", "127.0.0.1"),
        AtelierConfig.integer(env, "ATELIER_CLUSTER_PORT", 5701),
        Arrays.stream(env.getOrDefault("ATELIER_CLUSTER_MEMBERS", "").split(","))
            .map(String::strip)
            .filter(member -> !member.isEmpty())
            .toList(),
        discovery(env.getOrDefault("ATELIER_CLUSTER_DISCOVERY", "tcp")),
        Optional.ofNullable(env.get("ATELIER_K8S_NAMESPACE")).map(String::strip),
        Optional.ofNullable(env.get("ATELIER_K8S_SERVICE_NAME")).map(String::strip));
  }

  /** The same settings with other members listed (tests build clusters on free ports). */
  public ClusterSettings withMembers(List<String> otherMembers) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        otherMembers,
        discovery,
        kubernetesNamespace,
        kubernetesServiceName);
  }

  /** The settings as part of the start-up log line. */
  public String describe() {
    String where =
        switch (discovery) {
          case TCP -> "tcp members=" + (members.isEmpty() ? "(single member)" : members);
          case KUBERNETES ->
              "kubernetes namespace="
                  + kubernetesNamespace.orElse("(the pod's)")
                  + " service="
                  + kubernetesServiceName.orElse("(every pod)");
        };
    return "cluster=" + clusterName + "@" + host + ":" + port + " discovery=" + where;
  }

  private static Discovery discovery(String value) {
    try {
      return Discovery.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ATELIER_CLUSTER_DISCOVERY must be tcp or kubernetes");
    }
  }
}
