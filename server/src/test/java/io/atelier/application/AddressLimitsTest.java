package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM4 and LM7: what each client address may do on a node, and what the node remembers of it. */
class AddressLimitsTest {
  private static final long HOUR_MILLIS = 3_600_000;
  private final ManualTime time = new ManualTime();

  @Test
  @DisplayName(
      "LM4 an address may hold so many sockets; a closed one frees its place, and an address"
          + " without sockets is forgotten")
  void connectionsPerAddress() {
    AddressConnections connections = new AddressConnections(2);
    assertThat(connections.tryOpen("10.0.0.1")).isTrue();
    assertThat(connections.tryOpen("10.0.0.1")).isTrue();
    assertThat(connections.tryOpen("10.0.0.1")).isFalse();
    assertThat(connections.tryOpen("10.0.0.2")).isTrue();
    assertThat(connections.openOf("10.0.0.1")).isEqualTo(2);
    connections.closed("10.0.0.1");
    assertThat(connections.tryOpen("10.0.0.1")).isTrue();
    connections.closed("10.0.0.1");
    connections.closed("10.0.0.1");
    connections.closed("10.0.0.2");
    assertThat(connections.addresses()).isZero();
    connections.closed("10.0.0.9"); // a close never counted changes nothing
    assertThat(connections.openOf("10.0.0.9")).isZero();
  }

  @Test
  @DisplayName(
      "LM7 an address may create so many workshops in any hour; the next is told when it may")
  void workshopsPerHour() {
    CreationQuota quota = new CreationQuota(3, time);
    assertThat(quota.refusal("10.0.0.1")).isZero();
    time.advanceMillis(10 * 60_000);
    assertThat(quota.refusal("10.0.0.1")).isZero();
    assertThat(quota.refusal("10.0.0.1")).isZero();
    assertThat(quota.refusal("10.0.0.1")).isEqualTo(50 * 60_000); // when the first is an hour old
    assertThat(quota.refusal("10.0.0.2")).as("another address").isZero();
    time.advanceMillis(50 * 60_000);
    assertThat(quota.refusal("10.0.0.1")).isZero();
    assertThat(quota.refusal("10.0.0.1")).isEqualTo(10 * 60_000);
  }

  @Test
  @DisplayName(
      "LM7 the quota forgets addresses whose creations are an hour old, and never holds more than"
          + " its cap of addresses")
  void quotaIsBounded() {
    CreationQuota quota = new CreationQuota(2, 100, time);
    for (int i = 0; i < 50; i++) {
      quota.refusal("10.0.1." + i);
    }
    assertThat(quota.addresses()).isEqualTo(50);
    time.advanceMillis(HOUR_MILLIS);
    quota.refusal("10.0.2.1");
    assertThat(quota.addresses()).isEqualTo(1);
    for (int i = 0; i < 1_000; i++) {
      quota.refusal("2001:db8:" + i + "::/64");
    }
    assertThat(quota.addresses()).isEqualTo(100);
  }
}
