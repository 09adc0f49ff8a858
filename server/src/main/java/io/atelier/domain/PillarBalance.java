package io.atelier.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How many notes each pillar holds, and how evenly: the model says sustainability comes from
 * keeping the pillars in balance, so the canvas shows it.
 *
 * <p>Evenness is the Shannon entropy of the shares divided by its maximum (ln of the number of
 * pillars): 1 when every pillar holds as many notes, 0 when one pillar holds them all. It reads as
 * "how close to an even spread", and does not move when every count is doubled.
 */
public record PillarBalance(Map<Pillar, Integer> counts) {
  public PillarBalance {
    counts = counts.isEmpty() ? Map.of() : new EnumMap<>(counts);
    counts
        .values()
        .forEach(
            count -> {
              if (count < 0) {
                throw new InvalidValueException("a count cannot be negative");
              }
            });
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int count(Pillar pillar) {
    return counts.getOrDefault(pillar, 0);
  }

  /** Empty while there is nothing to compare: no notes, or fewer than two pillars. */
  public OptionalDouble evenness() {
    int total = total();
    if (total == 0 || counts.size() < 2) {
      return OptionalDouble.empty();
    }
    double entropy = 0;
    for (int count : counts.values()) {
      if (count > 0) {
        double share = (double) count / total;
        entropy -= share * Math.log(share);
      }
    }
    return OptionalDouble.of(entropy / Math.log(counts.size()));
  }
}
