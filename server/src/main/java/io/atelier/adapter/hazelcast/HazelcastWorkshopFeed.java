package io.atelier.adapter.hazelcast;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.atelier.application.FeedMessage;
import io.atelier.application.OrderedDelivery;
import io.atelier.application.WorkshopFeed;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One cluster-wide topic for every workshop, for the other members only: the node that publishes a
 * message delivers it to its own sockets itself, as it is, and ignores it when the topic brings it
 * back; alone in its cluster, it does not publish at all, so nothing is serialised (ADR 0002). Each
 * node subscribes once, at start-up, so no blocking registration ever happens on a socket's path; a
 * node ignores workshops it has no socket for.
 */
public final class HazelcastWorkshopFeed implements WorkshopFeed {
  public static final String TOPIC_NAME = "atelier.feed";

  private final Cluster cluster;
  private final ITopic<FeedMessage> topic;
  private final OrderedDelivery local = new OrderedDelivery();
  private UUID registration;

  public HazelcastWorkshopFeed(HazelcastInstance hazelcast) {
    this.cluster = hazelcast.getCluster();
    this.topic = hazelcast.getTopic(TOPIC_NAME);
  }

  @Override
  public void publish(FeedMessage message) {
    // A member joining now misses nothing it needs: it has no socket until it is ready, and every
    // socket starts with a catch-up read after this event was committed (HS5; see ADR 0002).
    if (cluster.getMembers().size() > 1) {
      topic.publishAsync(message); // First, so the other nodes' hop overlaps with our fan-out.
    }
    local.accept(message);
  }

  @Override
  public void start(Consumer<FeedMessage> listener) {
    local.start(listener);
    registration = topic.addMessageListener(this::fromTopic);
  }

  private void fromTopic(Message<FeedMessage> message) {
    Member publisher = message.getPublishingMember();
    if (publisher != null && publisher.localMember()) {
      return; // Delivered when it was published, without its round trip through serialisation.
    }
    local.accept(message.getMessageObject());
  }

  @Override
  public void stop() {
    local.stop();
    if (registration != null) {
      topic.removeMessageListener(registration);
      registration = null;
    }
  }
}
