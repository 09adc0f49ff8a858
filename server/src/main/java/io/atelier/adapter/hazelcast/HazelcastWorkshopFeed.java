package io.atelier.adapter.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.atelier.application.FeedMessage;
import io.atelier.application.WorkshopFeed;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One cluster-wide topic for every workshop. Each node subscribes once, at start-up, so no blocking
 * registration ever happens on a socket's path; a node ignores workshops it has no socket for (see
 * ADR 0002 for when to split the topic).
 */
public final class HazelcastWorkshopFeed implements WorkshopFeed {
  public static final String TOPIC_NAME = "atelier.feed";

  private final ITopic<FeedMessage> topic;
  private UUID registration;

  public HazelcastWorkshopFeed(HazelcastInstance hazelcast) {
    this.topic = hazelcast.getTopic(TOPIC_NAME);
  }

  @Override
  public void publish(FeedMessage message) {
    topic.publishAsync(message);
  }

  @Override
  public void start(Consumer<FeedMessage> listener) {
    registration = topic.addMessageListener(message -> listener.accept(message.getMessageObject()));
  }

  @Override
  public void stop() {
    if (registration != null) {
      topic.removeMessageListener(registration);
      registration = null;
    }
  }
}
