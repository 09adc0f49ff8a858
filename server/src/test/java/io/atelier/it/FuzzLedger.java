package io.atelier.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzz run did, shared by its threads: each kind of attempt and how the server answered
 * it, every change the server acknowledged (to reconcile with the workshop's events), and every
 * answer that broke a rule.
 */
final class FuzzLedger {
  private static final int KEPT_VIOLATIONS = 30;

  private final Map<String, Map<String, LongAdder>> answers = new ConcurrentHashMap<>();
  private final Map<String, Long> fuzzAcks = new ConcurrentHashMap<>();
  private final Map<String, Long> politeAcks = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong violationCount = new AtomicLong();
  private final AtomicLong reconnections = new AtomicLong();

  /**
   * One attempt of {@code kind}, answered with {@code answer} (error:code, ack, close:code ...).
   */
  void answered(String kind, String answer) {
    answers
        .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(answer, a -> new LongAdder())
        .increment();
  }

  /**
   * A change a fuzzing socket made validly: the workshop's event for it must carry this revision.
   */
  void fuzzAcknowledged(String changeId, long revision) {
    Long before = fuzzAcks.putIfAbsent(changeId, revision);
    if (before != null && before != revision) {
      violation("change " + changeId + " acknowledged at revisions " + before + " and " + revision);
    }
  }

  void politeAcknowledged(String changeId, long revision) {
    politeAcks.put(changeId, revision);
  }

  Map<String, Long> fuzzAcks() {
    return Map.copyOf(fuzzAcks);
  }

  Map<String, Long> politeAcks() {
    return Map.copyOf(politeAcks);
  }

  void violation(String what) {
    if (violationCount.incrementAndGet() <= KEPT_VIOLATIONS) {
      violations.add(what);
    }
  }

  long violationCount() {
    return violationCount.get();
  }

  List<String> violations() {
    return new ArrayList<>(violations);
  }

  void reconnected() {
    reconnections.incrementAndGet();
  }

  long total() {
    return answers.values().stream()
        .flatMap(byAnswer -> byAnswer.values().stream())
        .mapToLong(LongAdder::sum)
        .sum();
  }

  long count(String answer) {
    return answers.values().stream()
        .map(byAnswer -> byAnswer.get(answer))
        .filter(adder -> adder != null)
        .mapToLong(LongAdder::sum)
        .sum();
  }

  /** The table the run prints: per kind, how many were tried and how they were answered. */
  String report() {
    StringBuilder text = new StringBuilder();
    Map<String, Long> totals = new TreeMap<>();
    new TreeMap<>(answers)
        .forEach(
            (kind, byAnswer) -> {
              long tried = byAnswer.values().stream().mapToLong(LongAdder::sum).sum();
              text.append(String.format("  %-34s %7d  ", kind, tried));
              new TreeMap<>(byAnswer)
                  .forEach(
                      (answer, count) -> {
                        text.append(answer).append('=').append(count.sum()).append(' ');
                        totals.merge(answer, count.sum(), Long::sum);
                      });
              text.append('\n');
            });
    text.append(String.format("  %-34s %7d  ", "ALL", total()));
    totals.forEach((answer, count) -> text.append(answer).append('=').append(count).append(' '));
    text.append("\n  reconnections: ").append(reconnections.get());
    text.append(", changes applied from fuzzing sockets: ").append(fuzzAcks.size());
    text.append(", from well-behaved clients: ").append(politeAcks.size());
    return text.toString();
  }
}
