package io.atelier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The token bucket behind LM1, LM3 and the throttles, on a clock moved by hand. */
class TokenBucketTest {
  private final ManualTime time = new ManualTime();

  private int taken(TokenBucket bucket, int tries) {
    int taken = 0;
    for (int i = 0; i < tries; i++) {
      if (bucket.tryTake()) {
        taken++;
      }
    }
    return taken;
  }

  @Test
  @DisplayName("LM1 a full bucket lets a burst through at once, then nothing until it refills")
  void burstThenEmpty() {
    TokenBucket bucket = new TokenBucket(20, 40, time);
    assertThat(taken(bucket, 100)).isEqualTo(40);
    assertThat(bucket.tryTake()).isFalse();
    assertThat(bucket.millisUntilToken()).isEqualTo(50); // one token every 1/20 s
  }

  @Test
  @DisplayName("LM1 an empty bucket refills at its rate, never beyond its capacity")
  void refillsAtItsRate() {
    TokenBucket bucket = new TokenBucket(20, 40, time);
    taken(bucket, 40);
    time.advanceMillis(49);
    assertThat(bucket.tryTake()).isFalse();
    assertThat(bucket.millisUntilToken()).isEqualTo(1);
    time.advanceMillis(1);
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
    time.advanceMillis(1_000);
    assertThat(taken(bucket, 100)).isEqualTo(20);
    assertThat(bucket.full()).isFalse();
    time.advanceMillis(60_000);
    assertThat(bucket.full()).isTrue();
    assertThat(taken(bucket, 100)).isEqualTo(40);
  }

  @Test
  @DisplayName("LM1 a steady pace at the rate is never refused, one just above it soon is")
  void steadyPace() {
    TokenBucket bucket = new TokenBucket(20, 40, time);
    for (int i = 0; i < 1_000; i++) {
      assertThat(bucket.tryTake()).as("change %d at 20 a second", i).isTrue();
      time.advanceMillis(50);
    }
    int refused = 0;
    for (int i = 0; i < 1_000; i++) {
      refused += bucket.tryTake() ? 0 : 1;
      time.advanceMillis(40); // 25 a second
    }
    assertThat(refused).isBetween(150, 250); // a fifth of them, once the burst is spent
  }

  @Test
  @DisplayName("LM1 a bucket needs a positive rate and room for a token")
  void invalid() {
    assertThatThrownBy(() -> new TokenBucket(0, 10, time))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(10, 0.5, time))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
