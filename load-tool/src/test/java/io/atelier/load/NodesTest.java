package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodesTest {
  @Test
  @DisplayName("a room's clients go to the nodes round-robin")
  void roundRobin() {
    Nodes nodes = Nodes.parse("http://127.0.0.1:8081, http://localhost:8082");

    assertThat(nodes.size()).isEqualTo(2);
    assertThat(nodes.node(0).getPort()).isEqualTo(8081);
    assertThat(nodes.node(1).getPort()).isEqualTo(8082);
    assertThat(nodes.node(2).getPort()).isEqualTo(8081);
  }

  @Test
  @DisplayName("a server off this machine, or without a port, is refused")
  void loopbackOnly() {
    assertThatThrownBy(() -> Nodes.parse("http://127.0.0.1:8081,http://192.0.2.7:8080"))
        .hasMessageContaining("this machine only");
    assertThatThrownBy(() -> Nodes.parse("http://127.0.0.1")).hasMessageContaining("port");
  }
}
