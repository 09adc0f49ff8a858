package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastWorkshopFeed;
import io.atelier.application.FeedMessage;
import io.atelier.application.WorkshopFeed;
import io.atelier.config.ClusterSettings;
import io.atelier.domain.WorkshopId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The feed contract against a real embedded Hazelcast member alone in its cluster; what crosses to
 * other members is in HazelcastFeedAcrossMembersTest.
 */
class HazelcastWorkshopFeedTest extends WorkshopFeedContract {
  private static HazelcastInstance member;

  @BeforeAll
  static void startMember() {
    member =
        HazelcastMember.start(
            new ClusterSettings(
                "feed-contract-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of()));
  }

  @AfterAll
  static void stopMember() {
    member.shutdown();
  }

  @Override
  protected WorkshopFeed newFeed() {
    return new HazelcastWorkshopFeed(member);
  }

  @Test
  @DisplayName(
      "a member alone in its cluster publishes nothing on the topic: nothing is serialised")
  void aloneNothingOnTheTopic() {
    long before = topicPublishes();
    List<FeedMessage> received = new ArrayList<>();
    WorkshopFeed feed = newFeed();
    feed.start(received::add);
    try {
      feed.publish(new FeedMessage.Deleted(new WorkshopId("w-alone")));
    } finally {
      feed.stop();
    }

    assertThat(received).hasSize(1);
    assertThat(topicPublishes()).isEqualTo(before);
  }

  private static long topicPublishes() {
    return member
        .getTopic(HazelcastWorkshopFeed.TOPIC_NAME)
        .getLocalTopicStats()
        .getPublishOperationCount();
  }
}
