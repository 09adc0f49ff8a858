package io.atelier.adapter.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.application.FeedMessage;
import io.atelier.config.ClusterSettings;
import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Visibility;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import io.atelier.testing.EventSamples;
import io.atelier.testing.FreePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two members in this JVM on loopback: what one node publishes reaches the other through the topic
 * in the member's own format, and reaches its own node once, directly (ADR 0002).
 */
class HazelcastFeedAcrossMembersTest {
  private static final WorkshopId WORKSHOP = new WorkshopId("w-across");
  private static HazelcastInstance a;
  private static HazelcastInstance b;

  private final List<FeedMessage> onA = Collections.synchronizedList(new ArrayList<>());
  private final List<FeedMessage> onB = Collections.synchronizedList(new ArrayList<>());
  private HazelcastWorkshopFeed feedA;
  private HazelcastWorkshopFeed feedB;

  @BeforeAll
  static void startMembers() throws Exception {
    String cluster = "feed-across-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.take(2);
    List<String> addresses = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    var first =
        CompletableFuture.supplyAsync(
            () ->
                HazelcastMember.start(
                    new ClusterSettings(cluster, "127.0.0.1", ports.get(0), addresses)));
    var second =
        CompletableFuture.supplyAsync(
            () ->
                HazelcastMember.start(
                    new ClusterSettings(cluster, "127.0.0.1", ports.get(1), addresses)));
    a = first.get();
    b = second.get();
    Await.condition(
        () -> a.getCluster().getMembers().size() == 2 && b.getCluster().getMembers().size() == 2,
        Duration.ofSeconds(30),
        () -> "members: " + a.getCluster().getMembers());
  }

  @AfterAll
  static void stopMembers() {
    if (a != null) {
      a.shutdown();
    }
    if (b != null) {
      b.shutdown();
    }
  }

  @AfterEach
  void stopFeeds() {
    if (feedA != null) {
      feedA.stop();
    }
    if (feedB != null) {
      feedB.stop();
    }
  }

  private void startFeeds() {
    feedA = new HazelcastWorkshopFeed(a);
    feedA.start(onA::add);
    feedB = new HazelcastWorkshopFeed(b);
    feedB.start(onB::add);
  }

  @Test
  @DisplayName(
      "RV2 a message published on node A reaches A once as it is and B once as an equal copy")
  void onceOnEachNode() {
    startFeeds();
    FeedMessage message =
        new FeedMessage.Committed(WORKSHOP, EventSamples.all().get(0), Visibility.PUBLIC);
    FeedMessage fromB = new FeedMessage.Deleted(new WorkshopId("w-from-b"));

    feedA.publish(message);
    // B's answer comes after A's message on the same connection; then A has had its echo too.
    Await.condition(() -> onB.contains(message), Duration.ofSeconds(10), () -> "B: " + onB);
    feedB.publish(fromB);
    Await.condition(() -> onA.contains(fromB), Duration.ofSeconds(10), () -> "A: " + onA);

    assertThat(onA).hasSize(2);
    assertThat(onA.get(0)).isSameAs(message);
    assertThat(onB).hasSize(2);
    assertThat(onB.get(0)).isEqualTo(message).isNotSameAs(message);
    assertThat(onB.get(1)).isSameAs(fromB);
  }

  @Test
  @DisplayName(
      "RV2 PW1 every event type and every kind of feed message crosses to the other member equal")
  void everyKindCrosses() {
    startFeeds();
    List<FeedMessage> sent = new ArrayList<>();
    for (Event event : EventSamples.all()) {
      sent.add(new FeedMessage.Committed(WORKSHOP, event, Visibility.PUBLIC));
    }
    sent.addAll(FeedMessageSerializerTest.everyKind());
    sent.add(
        new FeedMessage.Committed(
            WORKSHOP,
            EventSamples.all().get(0),
            Visibility.hidden(new ParticipantId("p-ana"), "main", "note_created")));

    sent.forEach(feedA::publish);

    Await.condition(
        () -> onB.size() >= sent.size(),
        Duration.ofSeconds(10),
        () -> onB.size() + " of " + sent.size());
    assertThat(onB).containsExactlyElementsOf(sent); // One publisher: its order holds.
    assertThat(onA).containsExactlyElementsOf(sent);
  }
}
