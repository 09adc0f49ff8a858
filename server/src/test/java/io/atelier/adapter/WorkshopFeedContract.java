package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.application.FeedMessage;
import io.atelier.application.WorkshopFeed;
import io.atelier.domain.CursorPosition;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every WorkshopFeed adapter promises its own node (ADR 0002): each message published there is
 * delivered to the node's listener once, as the very object published (no serialization), in the
 * order it was published, one at a time (RoomHub fans out a workshop's events in one order to every
 * socket, RV2), even when several threads publish and when the listener publishes itself.
 */
public abstract class WorkshopFeedContract {
  private static final WorkshopId WORKSHOP = new WorkshopId("w-feed");
  private static final ParticipantId ANA = new ParticipantId("p-ana");

  private final List<WorkshopFeed> started = new ArrayList<>();

  /** A new feed of one node, not started. */
  protected abstract WorkshopFeed newFeed();

  private WorkshopFeed start(Consumer<FeedMessage> listener) {
    WorkshopFeed feed = newFeed();
    feed.start(listener);
    started.add(feed);
    return feed;
  }

  @AfterEach
  void stopFeeds() {
    started.forEach(WorkshopFeed::stop);
  }

  /** The n-th message of publisher {@code p}: a cursor whose position says both. */
  static FeedMessage numbered(int p, int n) {
    return new FeedMessage.CursorMoved(
        WORKSHOP, new CursorPosition(new ParticipantId("p-" + p), "main", n, 0, null));
  }

  @Test
  @DisplayName("RV2 a message reaches its own node's listener once, as the very object published")
  void deliveredOnceAsItIs() {
    List<FeedMessage> received = Collections.synchronizedList(new ArrayList<>());
    WorkshopFeed feed = start(received::add);
    FeedMessage message = new FeedMessage.Deleted(WORKSHOP);
    FeedMessage marker = numbered(0, 1);

    feed.publish(message);
    feed.publish(marker);

    Await.condition(() -> received.contains(marker), Duration.ofSeconds(10), () -> "" + received);
    assertThat(received).hasSize(2);
    assertThat(received.get(0)).isSameAs(message);
  }

  @Test
  @DisplayName("RV2 messages of one publisher reach the listener in the order they were published")
  void orderOfOnePublisher() {
    List<FeedMessage> received = Collections.synchronizedList(new ArrayList<>());
    WorkshopFeed feed = start(received::add);
    List<FeedMessage> sent = new ArrayList<>();
    for (int n = 0; n < 1_000; n++) {
      sent.add(numbered(0, n));
      feed.publish(sent.get(n));
    }

    Await.condition(() -> received.size() >= 1_000, Duration.ofSeconds(10), () -> "incomplete");
    assertThat(received).containsExactlyElementsOf(sent);
  }

  @Test
  @DisplayName(
      "RV2 with four threads publishing, every message arrives once, one at a time, each thread's"
          + " in its order")
  void concurrentPublishers() throws Exception {
    int publishers = 4;
    int each = 2_000;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<FeedMessage> received = Collections.synchronizedList(new ArrayList<>());
    WorkshopFeed feed =
        start(
            message -> {
              if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              received.add(message);
              inside.decrementAndGet();
            });
    ExecutorService threads = Executors.newFixedThreadPool(publishers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int p = 0; p < publishers; p++) {
        int publisher = p;
        threads.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int n = 0; n < each; n++) {
                feed.publish(numbered(publisher, n));
              }
            });
      }
      go.countDown();
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      threads.shutdownNow();
    }

    Await.condition(
        () -> received.size() >= publishers * each,
        Duration.ofSeconds(10),
        () -> received.size() + " of " + publishers * each);
    assertThat(received).hasSize(publishers * each);
    assertThat(overlaps).hasValue(0);
    for (int p = 0; p < publishers; p++) {
      String author = "p-" + p;
      List<Double> order =
          received.stream()
              .map(message -> ((FeedMessage.CursorMoved) message).position())
              .filter(position -> position.participantId().value().equals(author))
              .map(CursorPosition::x)
              .toList();
      assertThat(order).hasSize(each).isSorted();
    }
  }

  @Test
  @DisplayName(
      "RV2 a message published by the listener itself is delivered after the current one, not"
          + " within it")
  void publishedFromTheListener() {
    List<String> trace = Collections.synchronizedList(new ArrayList<>());
    FeedMessage first = numbered(0, 1);
    FeedMessage second = numbered(0, 2);
    WorkshopFeed[] feed = new WorkshopFeed[1];
    feed[0] =
        start(
            message -> {
              trace.add("in " + ((FeedMessage.CursorMoved) message).position().x());
              if (message == first) {
                feed[0].publish(second); // As a socket closed by a delivery leaves.
              }
              trace.add("out " + ((FeedMessage.CursorMoved) message).position().x());
            });

    feed[0].publish(first);

    Await.condition(() -> trace.size() >= 4, Duration.ofSeconds(10), () -> "" + trace);
    assertThat(trace).containsExactly("in 1.0", "out 1.0", "in 2.0", "out 2.0");
  }

  @Test
  @DisplayName("a listener that fails on one message still gets the next ones")
  void failingDelivery() {
    List<FeedMessage> received = Collections.synchronizedList(new ArrayList<>());
    FeedMessage poison = numbered(0, 1);
    FeedMessage next = numbered(0, 2);
    WorkshopFeed feed =
        start(
            message -> {
              if (message == poison) {
                throw new IllegalStateException("a socket failed");
              }
              received.add(message);
            });

    feed.publish(poison);
    feed.publish(next);

    Await.condition(() -> received.contains(next), Duration.ofSeconds(10), () -> "" + received);
    assertThat(received).containsExactly(next);
  }

  @Test
  @DisplayName("a stopped feed delivers nothing more")
  void stopped() {
    List<FeedMessage> received = Collections.synchronizedList(new ArrayList<>());
    WorkshopFeed feed = start(received::add);
    feed.publish(numbered(0, 1));
    Await.condition(() -> received.size() == 1, Duration.ofSeconds(10), () -> "" + received);

    feed.stop();
    feed.publish(numbered(0, 2));

    assertThat(received).hasSize(1);
  }
}
