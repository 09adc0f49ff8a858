package io.atelier.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The steps of a ramp: from a start rate, each step {@code factor} times the one before, until a
 * step does not hold (p99 above the bound, or anything lost, refused or delivered twice) or the
 * next would pass the maximum. The answer is the highest rate that held.
 */
record RampPlan(int startRate, double factor, int maxRate, double boundMillis) {
  RampPlan {
    if (startRate < 1 || maxRate < startRate) {
      throw new IllegalArgumentException("--rate must be at least 1 and at most --max-rate");
    }
    if (!(factor > 1)) {
      throw new IllegalArgumentException("--step must be above 1");
    }
    if (!(boundMillis > 0)) {
      throw new IllegalArgumentException("--bound-ms must be above 0");
    }
  }

  /** The rate after {@code rate}: at least one more; empty when it would pass the maximum. */
  OptionalInt next(int rate) {
    long next = Math.max(rate + 1L, Math.round(rate * factor));
    return next > maxRate ? OptionalInt.empty() : OptionalInt.of((int) next);
  }

  /** Every rate the ramp would try if every step held. */
  List<Integer> rates() {
    List<Integer> rates = new ArrayList<>();
    OptionalInt rate = OptionalInt.of(startRate);
    while (rate.isPresent()) {
      rates.add(rate.getAsInt());
      rate = next(rate.getAsInt());
    }
    return rates;
  }

  /** Why a step did not hold, or null when it held. */
  String failure(WindowResult step) {
    List<String> reasons = new ArrayList<>();
    if (step.latency().p99() > boundMillis) {
      reasons.add(String.format("p99 %.2f ms above %.0f ms", step.latency().p99(), boundMillis));
    }
    if (step.lost() > 0) {
      reasons.add(step.lost() + " lost");
    }
    if (step.refused() > 0) {
      reasons.add(step.refused() + " refused " + step.refusals().keySet());
    }
    if (step.duplicated() > 0) {
      reasons.add(step.duplicated() + " duplicated");
    }
    return reasons.isEmpty() ? null : String.join(", ", reasons);
  }
}
