package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListeningProcessTest {
  @Test
  @DisplayName("the listening socket of a port is found in /proc/net/tcp; connections are not")
  void ipv4() {
    String table = Fixtures.text("tcp.txt");

    assertThat(ListeningProcess.listeningInodes(table, 8081)).containsExactly(771_234L);
    assertThat(ListeningProcess.listeningInodes(table, 5712)).containsExactly(771_400L);
    assertThat(ListeningProcess.listeningInodes(table, 8080)).isEmpty();
  }

  @Test
  @DisplayName("a JVM listening on every address shows in /proc/net/tcp6")
  void ipv6() {
    assertThat(ListeningProcess.listeningInodes(Fixtures.text("tcp6.txt"), 8080))
        .containsExactly(880_011L);
  }

  @Test
  @DisplayName("the process listening on a port of this machine is found: this JVM's own socket")
  void findsThisProcess() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ListeningProcess.of(socket.getLocalPort()))
          .hasValue(ProcessHandle.current().pid());
    }
  }
}
