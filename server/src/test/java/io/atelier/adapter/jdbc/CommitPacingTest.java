package io.atelier.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommitPacingTest {
  private static final long MS = 1_000_000;
  private static final long T0 = 5_000 * MS; // any point of System.nanoTime()'s scale

  private final CommitPacing pacing = new CommitPacing();

  @Test
  @DisplayName("the first batch is gathered at once")
  void firstBatchAtOnce() {
    assertThat(pacing.delayNanos(T0)).isZero();
  }

  @Test
  @DisplayName(
      "after a commit of one write, the next batch is gathered at once: a lone change waits for no one")
  void loneWritesDoNotWait() {
    pacing.started(T0, 1);

    assertThat(pacing.delayNanos(T0 + MS / 10)).isZero();
  }

  @Test
  @DisplayName(
      "after a commit of writes that came together, the next batch waits until a millisecond has"
          + " passed since that commit started")
  void writesTogetherWaitForTheSpacing() {
    pacing.started(T0, CommitPacing.SIBLINGS);

    assertThat(pacing.delayNanos(T0)).isEqualTo(CommitPacing.SPACING_NANOS);
    assertThat(pacing.delayNanos(T0 + 3 * MS / 10)).isEqualTo(7 * MS / 10);
    assertThat(pacing.delayNanos(T0 + MS)).isZero();
  }

  @Test
  @DisplayName("a commit that took longer than the spacing is followed by the next batch at once")
  void slowCommitsDoNotWait() {
    pacing.started(T0, 300);

    assertThat(pacing.delayNanos(T0 + 4 * MS)).isZero();
  }

  @Test
  @DisplayName("the wait follows the last commit: a lone write after a busy batch stops the pacing")
  void pacingFollowsTheLastCommit() {
    pacing.started(T0, 50);
    pacing.started(T0 + MS, 1);

    assertThat(pacing.delayNanos(T0 + MS + MS / 10)).isZero();
  }
}
