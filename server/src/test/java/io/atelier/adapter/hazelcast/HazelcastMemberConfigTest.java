package io.atelier.adapter.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.atelier.config.AtelierConfig;
import io.atelier.config.ClusterSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The member's configuration as built from the environment; no member is started. */
class HazelcastMemberConfigTest {

  @Test
  @DisplayName("tcp discovery (the default) lists ATELIER_CLUSTER_MEMBERS, without multicast")
  void tcpDiscovery() {
    ClusterSettings settings =
        AtelierConfig.fromEnvironment(
                Map.of(
                    "ATELIER_CLUSTER_MEMBERS", "10.0.0.2:5701, 10.0.0.3:5701",
                    "ATELIER_CLUSTER_NAME", "ateliers"))
            .cluster();
    JoinConfig join = HazelcastMember.config(settings).getNetworkConfig().getJoin();

    assertThat(settings.discovery()).isEqualTo(ClusterSettings.Discovery.TCP);
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers())
        .containsExactly("10.0.0.2:5701", "10.0.0.3:5701");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
  }

  @Test
  @DisplayName("kubernetes discovery enables the Kubernetes join, with TCP-IP and multicast off")
  void kubernetesDiscovery() {
    ClusterSettings settings =
        AtelierConfig.fromEnvironment(
                Map.of(
                    "ATELIER_CLUSTER_DISCOVERY", "kubernetes",
                    "ATELIER_K8S_NAMESPACE", "ateliers",
                    "ATELIER_K8S_SERVICE_NAME", "atelier-hazelcast",
                    "ATELIER_CLUSTER_HOST", "0.0.0.0"))
            .cluster();
    Config config = HazelcastMember.config(settings);
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("namespace")).isEqualTo("ateliers");
    assertThat(join.getKubernetesConfig().getProperty("service-name"))
        .isEqualTo("atelier-hazelcast");
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
  }

  @Test
  @DisplayName("kubernetes discovery without namespace or service leaves them to Hazelcast")
  void kubernetesDefaults() {
    ClusterSettings settings =
        AtelierConfig.fromEnvironment(Map.of("ATELIER_CLUSTER_DISCOVERY", " Kubernetes "))
            .cluster();
    JoinConfig join = HazelcastMember.config(settings).getNetworkConfig().getJoin();

    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("namespace")).isNull();
    assertThat(join.getKubernetesConfig().getProperty("service-name")).isNull();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
  }

  @Test
  @DisplayName("an unknown discovery, or members listed with kubernetes, is refused at start-up")
  void invalidDiscovery() {
    assertThatThrownBy(
            () -> AtelierConfig.fromEnvironment(Map.of("ATELIER_CLUSTER_DISCOVERY", "multicast")))
        .hasMessageContaining("ATELIER_CLUSTER_DISCOVERY");
    assertThatThrownBy(
            () ->
                AtelierConfig.fromEnvironment(
                    Map.of(
                        "ATELIER_CLUSTER_DISCOVERY", "kubernetes",
                        "ATELIER_CLUSTER_MEMBERS", "a:5701")))
        .hasMessageContaining("ATELIER_CLUSTER_MEMBERS");
  }

  @Test
  @DisplayName("the start-up log line names the discovery")
  void describe() {
    assertThat(AtelierConfig.fromEnvironment(Map.of()).describe())
        .contains("discovery=tcp members=(single member)");
    assertThat(new ClusterSettings("c", "127.0.0.1", 5701, List.of("127.0.0.1:5702")).describe())
        .contains("discovery=tcp members=[127.0.0.1:5702]");
  }
}
