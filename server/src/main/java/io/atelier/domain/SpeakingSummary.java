package io.atelier.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How the speaking time of a round was shared (RT9): each person's total, then the minimum, maximum
 * and median total and the evenness, over the people who spoke (had at least one turn they did not
 * pass). A person who only passed is listed with their total but does not count as a speaker:
 * silence that was chosen is not unevenness.
 *
 * <p>Evenness is the normalised Shannon entropy of the speakers' shares, the same measure as the
 * balance of the pillars (CV5, {@link PillarBalance}): 1 when everyone spoke as long, towards 0
 * when one person took the whole round. One measure across the product means a facilitator learns
 * one number once; it does not move when every turn is twice as long. The Gini coefficient would
 * serve too, but reads the other way round (0 is even), which next to the pillar balance would
 * mislead.
 */
public record SpeakingSummary(
    List<PersonTime> people, long minMs, long maxMs, long medianMs, OptionalDouble evenness) {

  /** One person's speaking time over the round. */
  public record PersonTime(ParticipantId participantId, long totalMs, int turns, boolean spoke) {}

  public SpeakingSummary {
    people = List.copyOf(people);
  }

  /** The summary of finished turns, people in the order they first took a turn. */
  public static SpeakingSummary of(List<RoundTable.SpokenTurn> turns) {
    Map<ParticipantId, long[]> totals = new LinkedHashMap<>(); // total ms, turns, spoke (0/1)
    for (RoundTable.SpokenTurn turn : turns) {
      long[] total = totals.computeIfAbsent(turn.participantId(), id -> new long[3]);
      total[0] += turn.spokenMs();
      total[1]++;
      if (!turn.passed()) {
        total[2] = 1;
      }
    }
    List<PersonTime> people = new ArrayList<>();
    totals.forEach((id, t) -> people.add(new PersonTime(id, t[0], (int) t[1], t[2] == 1)));
    long[] spoken =
        people.stream().filter(PersonTime::spoke).mapToLong(PersonTime::totalMs).sorted().toArray();
    if (spoken.length == 0) {
      return new SpeakingSummary(people, 0, 0, 0, OptionalDouble.empty());
    }
    int middle = spoken.length / 2;
    long median =
        spoken.length % 2 == 1 ? spoken[middle] : (spoken[middle - 1] + spoken[middle]) / 2;
    return new SpeakingSummary(
        people, spoken[0], spoken[spoken.length - 1], median, evenness(spoken));
  }

  /** Empty while there is nothing to compare: fewer than two speakers, or no time at all. */
  private static OptionalDouble evenness(long[] totals) {
    long sum = 0;
    for (long total : totals) {
      sum += total;
    }
    if (totals.length < 2 || sum == 0) {
      return OptionalDouble.empty();
    }
    double entropy = 0;
    for (long total : totals) {
      if (total > 0) {
        double share = (double) total / sum;
        entropy -= share * Math.log(share);
      }
    }
    return OptionalDouble.of(entropy / Math.log(totals.length));
  }
}
