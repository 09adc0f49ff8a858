package io.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.testing.FuzzSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An observer (HS8) of the fuzzed workshop that writes down every revisioned event: its type and
 * changeId, by revision, once each.
 */
final class FuzzAuditor implements Runnable {
  private final FuzzSocket socket;
  private final Map<Long, String[]> events = new ConcurrentHashMap<>();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong first = new AtomicLong(-1);
  private final CompletableFuture<Long> last = new CompletableFuture<>();

  FuzzAuditor(FuzzSocket socket, String workshopId) {
    this.socket = socket;
    socket.send(
        "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
            + workshopId
            + "\",\"observe\":true}");
  }

  @Override
  public void run() {
    try (socket) {
      while (true) {
        if (last.isDone() && complete(last.getNow(0L))) {
          return;
        }
        JsonNode frame = socket.next(100);
        if (frame == null) {
          if (socket.isClosed()) {
            problems.add("the auditor was disconnected: " + socket.closeCode());
            return;
          }
          continue;
        }
        String type = frame.path("type").asText();
        if (type.equals("synced") && first.get() < 0) {
          first.set(frame.path("revision").asLong());
        } else if (frame.has("revision")
            && !Set.of("ack", "synced", "welcome", "snapshot").contains(type)) {
          long revision = frame.path("revision").asLong();
          String changeId =
              frame.path("changeId").isTextual() ? frame.path("changeId").asText() : null;
          if (events.putIfAbsent(revision, new String[] {type, changeId}) != null) {
            problems.add("revision " + revision + " delivered twice");
          }
        }
      }
    }
  }

  private boolean complete(long until) {
    for (long r = first.get() + 1; r <= until; r++) {
      if (!events.containsKey(r)) {
        return false;
      }
    }
    return first.get() >= 0;
  }

  /** Reads on until every revision up to {@code revision} has come (or a minute passed). */
  void until(long revision) {
    last.complete(revision);
  }

  long firstRevision() {
    return first.get();
  }

  Map<Long, String[]> events() {
    return events;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }
}
