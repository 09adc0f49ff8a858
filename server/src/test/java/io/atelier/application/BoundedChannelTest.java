package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LM11: the account of what a socket holds for its reader, with the socket's thread, its network
 * and the clock driven by hand. Nothing here waits.
 */
class BoundedChannelTest {
  private static final long MARK = 1_000;
  private static final long CAP = 4_000;
  private static final long GRACE_MS = 5_000;

  private final ManualTime time = new ManualTime();
  private int clockReads;
  private final LongSupplier countedClock =
      () -> {
        clockReads++;
        return time.getAsLong();
      };
  private final FakeWire wire = new FakeWire();
  private final FrameMetrics metrics = new FrameMetrics();
  private final SlowReaders slowReaders = new SlowReaders();
  private final BoundedChannel channel =
      new BoundedChannel(
          wire,
          new WriteQueueLimits(MARK, CAP, GRACE_MS * 1_000_000, countedClock),
          slowReaders,
          metrics);

  private final List<String> sent = new ArrayList<>();
  private int next;

  /** Hands the channel {@code count} messages of 100 characters, each one different. */
  private void send(int count) {
    for (int i = 0; i < count; i++) {
      String message = String.format("%-100s", "event " + next++);
      sent.add(message);
      channel.send(message);
    }
  }

  @Test
  @DisplayName(
      "LM11 a reader that keeps up gets every message in order, is never dropped, and costs no"
          + " clock read")
  void keepsUp() {
    for (int round = 0; round < 200; round++) {
      send(9);
      wire.runPosted();
      wire.readerTakes(9);
      time.advanceMillis(1_000);
    }
    assertThat(wire.read).isEqualTo(sent);
    assertThat(channel.dropped()).isFalse();
    assertThat(channel.backlog()).isZero();
    assertThat(channel.peakBacklog()).isEqualTo(900);
    assertThat(clockReads).as("below the mark, no message reads the clock").isZero();
    assertThat(time.pendingTimers()).as("and none starts a timer").isZero();
    assertThat(metrics.pending()).isZero();
    assertThat(metrics.queued).isEqualTo(1_800);
  }

  @Test
  @DisplayName(
      "LM11 the backlog counts a message from its hand-over, queued for the socket's thread or"
          + " written and unread, until the reader's network takes it")
  void countsBothQueues() {
    send(12);
    assertThat(channel.backlog())
        .as("handed over, not yet on the socket's thread")
        .isEqualTo(1_200);
    wire.runPosted();
    assertThat(wire.unread()).isEqualTo(12);
    assertThat(channel.backlog()).as("written, not yet taken by the network").isEqualTo(1_200);
    wire.readerTakes(5);
    assertThat(channel.backlog()).isEqualTo(700);
    send(3);
    assertThat(channel.backlog()).isEqualTo(1_000);
    wire.runPosted();
    wire.readerTakes(100);
    assertThat(channel.backlog()).isZero();
    assertThat(wire.read).isEqualTo(sent);
  }

  @Test
  @DisplayName(
      "LM11 a backlog above the mark for no longer than the grace period is kept: a phone"
          + " switching networks stalls for a few seconds")
  void briefStall() {
    send(15);
    wire.runPosted(); // 1,500 characters: above the mark from now on
    time.advanceMillis(GRACE_MS);
    send(1);
    wire.runPosted();
    assertThat(channel.dropped()).isFalse();
    wire.readerTakes(100); // the phone is back and reads everything
    assertThat(channel.backlog()).isZero();
    time.advanceMillis(60_000);
    send(15);
    wire.runPosted();
    time.advanceMillis(GRACE_MS - 1);
    send(1);
    wire.runPosted();
    assertThat(channel.dropped())
        .as("the grace period counts from the last time the backlog went above the mark")
        .isFalse();
    wire.readerTakes(100);
    assertThat(wire.read).isEqualTo(sent);
    assertThat(wire.closes).isEmpty();
  }

  @Test
  @DisplayName(
      "LM11 above the mark for longer than the grace period: dropped with 4010 and its reason at"
          + " the next message, which is not written, and nothing more is queued")
  void stalledPastGrace() {
    send(15);
    wire.runPosted();
    wire.readerTakes(2); // then the reader stops: 1,300 characters stay
    time.advanceMillis(GRACE_MS + 1);
    send(1);
    wire.runPosted();
    assertThat(channel.dropped()).isTrue();
    assertThat(wire.closes)
        .containsExactly(
            new FakeWire.Close(4010, "Too far behind: reconnecting to catch up", true));
    assertThat(wire.unread()).as("the message after the grace period is not written").isEqualTo(13);
    send(50);
    assertThat(wire.postedTasks()).as("nothing more is queued for it").isZero();
    assertThat(channel.backlog()).isEqualTo(1_300);
    wire.cut(); // the connection ends: what it held is freed
    assertThat(channel.backlog()).isZero();
    assertThat(metrics.pending()).as("every frame queued is gone, written or not").isZero();
    assertThat(metrics.drops).isEqualTo(1);
    assertThat(slowReaders.dropped()).isEqualTo(1);
    assertThat(slowReaders.largestBacklog())
        .as("its peak, before the reader stopped")
        .isEqualTo(1_500);
    channel.close(1001, "This server is stopping");
    wire.runPosted();
    assertThat(wire.closes).as("a dropped socket is closing already, with its reason").hasSize(1);
  }

  @Test
  @DisplayName(
      "LM11 a message that would take the backlog beyond the hard cap is not queued: dropped at"
          + " once, whatever the grace period, and what was queued is discarded")
  void hardCap() {
    send(40); // exactly the cap, not beyond it
    assertThat(channel.dropped()).isFalse();
    send(1);
    assertThat(channel.dropped()).isTrue();
    assertThat(channel.peakBacklog()).isEqualTo(CAP);
    wire.runPosted();
    assertThat(wire.unread()).as("queued for the socket's thread, never written").isZero();
    assertThat(channel.backlog()).isZero();
    assertThat(wire.closes).extracting(FakeWire.Close::code).containsExactly(4010);
    assertThat(slowReaders.largestBacklog()).isLessThanOrEqualTo(CAP);
    assertThat(metrics.queued).as("the refused message was never queued").isEqualTo(40);
    assertThat(metrics.pending()).isZero();
  }

  @Test
  @DisplayName(
      "LM11 a message larger than the cap still goes to a reader with nothing queued (a large"
          + " snapshot), and a reader behind it is dropped at the next one")
  void largeMessageAlone() {
    String snapshot = "s".repeat((int) CAP * 3);
    channel.send(snapshot);
    wire.runPosted();
    assertThat(wire.unread()).isEqualTo(1);
    assertThat(channel.dropped()).isFalse();
    wire.readerTakes(1);
    channel.send(snapshot);
    wire.runPosted();
    send(1);
    assertThat(channel.dropped()).isTrue();
    assertThat(wire.read).containsExactly(snapshot);
  }

  @Test
  @DisplayName(
      "LM11 a socket's first catch-up goes through whole and uncounted, even far beyond the cap,"
          + " and live events behind it are held to the bound as ever; a later catch-up counts")
  void firstCatchUpWhole() {
    List<String> catchUp = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      catchUp.add(String.format("%-100s", "missed " + i)); // 10,000 characters: 2.5 times the cap
    }
    channel.sendCatchUp(catchUp);
    assertThat(channel.backlog()).isZero();
    send(3);
    wire.runPosted();
    assertThat(channel.dropped()).isFalse();
    assertThat(channel.backlog()).isEqualTo(300);
    wire.readerTakes(1_000);
    List<String> expected = new ArrayList<>(catchUp);
    expected.addAll(sent);
    assertThat(wire.read).isEqualTo(expected);
    assertThat(channel.backlog()).isZero();
    assertThat(metrics.pending()).as("the catch-up's frames count in the fan-out's depth").isZero();
    assertThat(metrics.queued).isEqualTo(103);

    channel.sendCatchUp(catchUp); // SY1: asked again, and not read
    assertThat(channel.dropped())
        .as("a later catch-up counts, and this one is beyond the cap")
        .isTrue();
  }

  /** The fan-out's depth as GET /metrics sees it: each frame queued once, and gone once. */
  private static final class FrameMetrics implements RoomMetrics {
    int queued;
    int written;
    int drops;

    int pending() {
      return queued - written;
    }

    @Override
    public void frameQueued() {
      queued++;
    }

    @Override
    public void frameWritten() {
      written++;
    }

    @Override
    public void slowReaderDropped() {
      drops++;
    }

    @Override
    public void changeApplied(long nanos) {}

    @Override
    public void changeRefused(io.atelier.domain.RejectionCode code) {}

    @Override
    public void changeRateLimited() {}

    @Override
    public void eventsJournaled(long nanos) {}
  }
}
