package io.atelier.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM9: which address a request counts under, directly or behind reverse proxies. */
class ClientAddressTest {

  @Test
  @DisplayName("LM9 without a trusted proxy, the socket's address; X-Forwarded-For is ignored")
  void direct() {
    ClientAddress addresses = new ClientAddress(0);
    assertThat(addresses.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  @DisplayName(
      "LM9 behind one proxy, the address it appended (the last entry), never what the client"
          + " wrote before it")
  void oneProxy() {
    ClientAddress addresses = new ClientAddress(1);
    assertThat(addresses.of("10.0.0.2", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    // A client that sends its own X-Forwarded-For gets it kept in front of the real one.
    assertThat(addresses.of("10.0.0.2", List.of("1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(addresses.of("10.0.0.2", List.of("1.2.3.4", "203.0.113.7")))
        .isEqualTo("203.0.113.7");
    assertThat(addresses.of("10.0.0.2", List.of()))
        .as("no header: the proxy itself")
        .isEqualTo("10.0.0.2");
  }

  @Test
  @DisplayName("LM9 behind two proxies, the entry the outer one appended")
  void twoProxies() {
    ClientAddress addresses = new ClientAddress(2);
    assertThat(addresses.of("10.0.0.2", List.of("1.2.3.4, 203.0.113.7, 10.0.0.1")))
        .isEqualTo("203.0.113.7");
    assertThat(addresses.of("10.0.0.2", List.of("10.0.0.1"))).isEqualTo("10.0.0.1");
  }

  @Test
  @DisplayName("LM4 LM7 an IPv6 address counts by its /64 network; IPv4 ones one by one")
  void ipv6Networks() {
    assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.key("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
    assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.key("203.0.113.7")).isNotEqualTo(ClientAddress.key("203.0.113.8"));
    assertThat(ClientAddress.key("not-an-address")).isEqualTo("not-an-address");
  }
}
