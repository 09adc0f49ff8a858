package io.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.testing.FuzzSocket;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A person doing real work while the fuzzers run: creates notes and moves its own, one change at a
 * time, each awaited until acknowledged. It records every revisioned event it receives, so that the
 * test can check that nothing was lost (RV2: every revision from its entry on, once each), that
 * every well-behaved change reached it, and how long that took. A {@code rate_limited} refusal is
 * resent with the same changeId (CH2 makes that safe); any other refusal, or being disconnected, is
 * a problem.
 */
final class WellBehavedClient implements Runnable {
  private static final long ANSWER_MILLIS = 20_000;

  /** When each well-behaved change was first sent, by its changeId: shared by the three. */
  static final Map<String, Long> SENT_AT = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final int port;
  private final String workshopId;
  private final int index;
  private final FuzzLedger ledger;
  private final long deadlineNanos;
  private final long pauseNanos;
  private final CountDownLatch ready;
  private final CountDownLatch stoppedSending;
  private final CompletableFuture<Long> finalRevision;
  private final Random random;

  private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
  private final Set<Long> revisions = ConcurrentHashMap.newKeySet();
  private final Map<String, double[]> ownNotes = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private volatile long startRevision = -1;
  private long lastOwnRevision;
  private int rateLimited;
  private int sequence;

  WellBehavedClient(
      Vertx vertx,
      int port,
      String workshopId,
      int index,
      FuzzLedger ledger,
      long deadlineNanos,
      int changesPerSecond,
      CountDownLatch ready,
      CountDownLatch stoppedSending,
      CompletableFuture<Long> finalRevision) {
    this.vertx = vertx;
    this.port = port;
    this.workshopId = workshopId;
    this.index = index;
    this.ledger = ledger;
    this.deadlineNanos = deadlineNanos;
    this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / changesPerSecond;
    this.ready = ready;
    this.stoppedSending = stoppedSending;
    this.finalRevision = finalRevision;
    this.random = new Random(index);
  }

  @Override
  public void run() {
    try (FuzzSocket socket = FuzzSocket.open(vertx, port)) {
      socket.send(
          "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
              + workshopId
              + "\",\"displayName\":\"Bien "
              + index
              + "\"}");
      while (startRevision < 0) {
        FuzzSocket.Received frame = socket.nextReceived(ANSWER_MILLIS);
        if (frame == null) {
          problem("no welcome");
          return;
        }
        if (frame.message().path("type").asText().equals("synced")) {
          startRevision = frame.message().path("revision").asLong();
        } else {
          record(frame); // HS5: live events may come before synced, and count
        }
      }
      ready.countDown();
      work(socket);
      stoppedSending.countDown();
      drain(socket);
      if (socket.isClosed()) {
        problem("disconnected with " + socket.closeCode());
      }
    } catch (RuntimeException | AssertionError e) {
      problem("failed: " + e);
    } finally {
      ready.countDown();
      stoppedSending.countDown();
    }
  }

  private void work(FuzzSocket socket) {
    while (System.nanoTime() < deadlineNanos && problems.isEmpty()) {
      String changeId = "wb" + index + "-c" + (++sequence);
      String frame = nextChange(changeId);
      SENT_AT.put(changeId, System.nanoTime());
      if (!applied(socket, changeId, frame)) {
        return;
      }
      LockSupport.parkNanos(pauseNanos); // a person's pace, not a wait for an event
    }
  }

  private String nextChange(String changeId) {
    double x = Math.round(random.nextDouble() * 4_000 - 2_000);
    double y = Math.round(random.nextDouble() * 4_000 - 2_000);
    if (ownNotes.size() < 5 || random.nextInt(10) < 3) {
      String noteId = "wb" + index + "-n" + sequence;
      ownNotes.put(noteId, null); // not placed until acknowledged
      return "{\"type\":\"create_note\",\"changeId\":\""
          + changeId
          + "\",\"noteId\":\""
          + noteId
          + "\",\"x\":"
          + x
          + ",\"y\":"
          + y
          + ",\"width\":200,\"height\":140,\"text\":\"Note "
          + changeId
          + "\",\"color\":\"green\"}";
    }
    List<String> placed =
        ownNotes.keySet().stream().filter(id -> ownNotes.get(id) != null).toList();
    String noteId = placed.get(random.nextInt(placed.size()));
    return "{\"type\":\"update_note\",\"changeId\":\""
        + changeId
        + "\",\"noteId\":\""
        + noteId
        + "\",\"set\":{\"x\":"
        + x
        + ",\"y\":"
        + y
        + "}}";
  }

  /** Sends until acknowledged; a limit's refusal is retried with the same changeId (CH2). */
  private boolean applied(FuzzSocket socket, String changeId, String frame) {
    socket.send(frame);
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
    while (System.nanoTime() < until) {
      FuzzSocket.Received received = socket.nextReceived(100);
      if (received == null) {
        if (socket.isClosed()) {
          problem("disconnected with " + socket.closeCode() + " while sending " + changeId);
          return false;
        }
        continue;
      }
      JsonNode message = received.message();
      String type = message.path("type").asText();
      if (type.equals("ack") && message.path("changeId").asText().equals(changeId)) {
        long revision = message.path("revision").asLong();
        if (revision <= lastOwnRevision) {
          problem(changeId + " at revision " + revision + " after " + lastOwnRevision);
        }
        lastOwnRevision = revision;
        ledger.politeAcknowledged(changeId, revision);
        placed(frame);
        return true;
      }
      if (type.equals("error")) {
        if (message.path("code").asText().equals("rate_limited")) {
          rateLimited++;
          LockSupport.parkNanos(pauseNanos * 4); // back off, then the same change again
          socket.send(frame);
        } else {
          problem(changeId + " refused: " + message);
          return false;
        }
      } else {
        record(received);
      }
    }
    problem("no ack for " + changeId);
    return false;
  }

  /** The note's place once its change is acknowledged: what the final snapshot must show. */
  private void placed(String frame) {
    JsonNode change = FuzzTest.json(frame);
    String noteId = change.path("noteId").asText();
    JsonNode place = change.has("set") ? change.get("set") : change;
    ownNotes.put(noteId, new double[] {place.path("x").asDouble(), place.path("y").asDouble()});
  }

  /** Once everyone stopped: reads until every revision and every well-behaved change came. */
  private void drain(FuzzSocket socket) {
    long last;
    try {
      last = finalRevision.get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      problem("no final revision: " + e);
      return;
    }
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
    while (!complete(last) && System.nanoTime() < until) {
      FuzzSocket.Received received = socket.nextReceived(100);
      if (received != null) {
        record(received);
      } else if (socket.isClosed()) {
        return;
      }
    }
    if (!complete(last)) {
      problem("after " + ANSWER_MILLIS + " ms still missing: " + missing(last));
    }
  }

  private boolean complete(long last) {
    return missing(last).isEmpty();
  }

  /**
   * Revisions up to {@code last}, and well-behaved changes applied after this client's entry, that
   * it has not received. A change applied before its entry is in its snapshot, not an event (RV2):
   * the clients start writing as soon as each is in, so a later one meets the first changes there.
   */
  List<String> missing(long last) {
    List<String> missing = new ArrayList<>();
    for (long r = startRevision + 1; r <= last && missing.size() < 10; r++) {
      if (!revisions.contains(r)) {
        missing.add("revision " + r);
      }
    }
    Set<String> changes = new HashSet<>();
    ledger
        .politeAcks()
        .forEach(
            (changeId, revision) -> {
              if (revision > startRevision) {
                changes.add(changeId);
              }
            });
    changes.removeAll(receivedAt.keySet());
    changes.stream().limit(10).forEach(id -> missing.add("change " + id));
    return missing;
  }

  private void record(FuzzSocket.Received received) {
    JsonNode message = received.message();
    String type = message.path("type").asText();
    if (!message.has("revision") || Set.of("ack", "synced", "welcome", "snapshot").contains(type)) {
      return;
    }
    long revision = message.path("revision").asLong();
    if (!revisions.add(revision)) {
      problem("revision " + revision + " received twice");
    }
    String changeId = message.path("changeId").asText("");
    if (changeId.startsWith("wb")) {
      receivedAt.putIfAbsent(changeId, received.nanos());
    }
  }

  private synchronized void problem(String what) {
    problems.add("Bien " + index + ": " + what);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  Map<String, Long> receivedAt() {
    return Map.copyOf(receivedAt);
  }

  /** The notes this client placed, where its last acknowledged change put them. */
  Map<String, double[]> ownNotes() {
    Map<String, double[]> placed = new LinkedHashMap<>();
    ownNotes.forEach(
        (id, place) -> {
          if (place != null) {
            placed.put(id, place);
          }
        });
    return placed;
  }

  int rateLimited() {
    return rateLimited;
  }
}
