package io.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.testing.FuzzCorpus;
import io.atelier.testing.FuzzCorpus.Attempt;
import io.atelier.testing.FuzzCorpus.Expect;
import io.atelier.testing.FuzzCorpus.Opening;
import io.atelier.testing.FuzzSocket;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One fuzzing connection, on its own thread until the deadline: it opens a socket, sometimes sends
 * a first frame that must be refused (HS1 to HS4), otherwise enters the workshop (as a newcomer, by
 * its token, or as an observer) and sends attempts from its {@link FuzzCorpus}, each followed by a
 * {@code ping} fence: the session answers in order, so everything the attempt caused arrives before
 * the pong. A close (a limit's 1008, a message too big's 1009) is an answer too: it reconnects and
 * goes on.
 */
final class FuzzingClient implements Runnable {
  /** Time for one answer; far above what the server needs, so only a hang trips it. */
  private static final long ANSWER_MILLIS = 20_000;

  /**
   * Errors that say "refused as a bad message" (ER1) or "refused by a limit" (issue 7, point 2).
   */
  private static final Set<String> REFUSALS = Set.of("bad_message", "unknown_type", "rate_limited");

  /**
   * Closes a limit or the message cap may answer any socket with: flooding (LM3, 1008), a message
   * too big (ER1, 1009), too many sockets from this address (LM4, 4029: opened, then closed at
   * once, whatever it was about to send).
   */
  private static final Set<Integer> LIMIT_CLOSES = Set.of(1008, 1009, 4029);

  /**
   * LM5: a newcomer finds the workshop full (4009). Not 4006, 4007 or 4008: nobody in the fuzzed
   * workshop holds its key, so nobody can lock it, set a passcode or remove a person.
   */
  private static final int WORKSHOP_FULL = 4009;

  private final Vertx vertx;
  private final int port;
  private final String workshopId;
  private final FuzzCorpus corpus;
  private final Random random;
  private final FuzzLedger ledger;
  private final long deadlineNanos;
  private final long pauseNanos;
  private String token;
  private long fence = Long.MIN_VALUE;

  FuzzingClient(
      Vertx vertx,
      int port,
      String workshopId,
      FuzzCorpus corpus,
      Random random,
      FuzzLedger ledger,
      long deadlineNanos,
      int messagesPerSecond) {
    this.vertx = vertx;
    this.port = port;
    this.workshopId = workshopId;
    this.corpus = corpus;
    this.random = random;
    this.ledger = ledger;
    this.deadlineNanos = deadlineNanos;
    this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / messagesPerSecond;
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadlineNanos) {
      FuzzSocket socket;
      try {
        socket = FuzzSocket.open(vertx, port);
      } catch (AssertionError refused) {
        ledger.answered("connect", "refused");
        pace();
        continue;
      }
      try (socket) {
        if (random.nextInt(100) < 15) {
          open(socket, corpus.opening());
        } else if (enter(socket)) {
          fuzz(socket);
        } else {
          pace(); // kept out (a full workshop, LM5): knock again at the attempts' pace, not faster
        }
      }
      ledger.reconnected();
    }
  }

  /** A first frame the server must refuse by closing the socket with one of the codes given. */
  private void open(FuzzSocket socket, Opening opening) {
    send(socket, opening.kind(), opening.frame(), opening.binary());
    Short code = socket.awaitClose(ANSWER_MILLIS);
    String answer = code == null ? "still_open" : "close:" + code;
    ledger.answered("first:" + opening.kind(), answer);
    if (code == null
        || !(opening.closes().contains((int) code) || LIMIT_CLOSES.contains((int) code))) {
      ledger.violation(opening.kind() + " answered " + answer + ": " + abbreviate(opening.frame()));
    }
  }

  /** HS4 HS8: in as a newcomer, by the token of an earlier visit, or as an observer. */
  private boolean enter(FuzzSocket socket) {
    int pick = random.nextInt(100);
    String kind;
    String hello;
    if (pick < 10) {
      kind = "enter:observer";
      hello =
          "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
              + workshopId
              + "\",\"observe\":true}";
    } else if (token != null && pick < 85) {
      kind = "enter:token";
      hello =
          "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
              + workshopId
              + "\",\"token\":\""
              + token
              + "\"}";
    } else {
      kind = "enter:newcomer";
      hello =
          "{\"type\":\"hello\",\"protocol\":1,\"workshopId\":\""
              + workshopId
              + "\",\"displayName\":\"Fuzz "
              + random.nextInt(10_000)
              + "\"}";
    }
    socket.send(hello);
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
    while (System.nanoTime() < until) {
      JsonNode frame = socket.next(100);
      if (frame == null) {
        if (socket.isClosed()) {
          int code = socket.closeCode();
          ledger.answered(kind, "close:" + code);
          boolean full = code == WORKSHOP_FULL && kind.equals("enter:newcomer");
          if (!LIMIT_CLOSES.contains(code) && !full) {
            ledger.violation(kind + " closed with " + code);
          }
          return false;
        }
        continue;
      }
      String type = frame.path("type").asText();
      if (type.equals("welcome") && !frame.path("observer").asBoolean()) {
        token = frame.path("token").asText(null);
      } else if (type.equals("synced")) {
        ledger.answered(kind, "welcome");
        return true;
      }
    }
    ledger.answered(kind, "no_answer");
    ledger.violation(kind + ": no welcome within " + ANSWER_MILLIS + " ms");
    return false;
  }

  private void fuzz(FuzzSocket socket) {
    int attempts = 20 + random.nextInt(180);
    for (int i = 0; i < attempts && System.nanoTime() < deadlineNanos && !socket.isClosed(); i++) {
      Attempt attempt = corpus.next();
      send(socket, attempt.kind(), attempt.frame(), attempt.binary());
      long myFence = ++fence;
      socket.send("{\"type\":\"ping\",\"clientTime\":" + myFence + "}");
      List<String> answers = answers(socket, myFence);
      judge(attempt, answers);
      if (answers.stream().anyMatch(a -> a.equals("error:rate_limited"))) {
        return; // a limit said so: leave, reconnect, go on (issue 7, point 2)
      }
      pace();
    }
  }

  /** What came back for one attempt: errors, acks, a close; "silent" when nothing did. */
  private List<String> answers(FuzzSocket socket, long myFence) {
    List<String> answers = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
    while (true) {
      JsonNode frame = socket.next(100);
      if (frame == null) {
        if (socket.isClosed()) {
          answers.add("close:" + socket.closeCode());
          return answers;
        }
        if (System.nanoTime() > until) {
          answers.add("no_answer");
          return answers;
        }
        continue;
      }
      switch (frame.path("type").asText()) {
        case "pong" -> {
          if (frame.path("clientTime").asLong() == myFence) {
            if (answers.isEmpty()) {
              answers.add("silent");
            }
            return answers;
          }
        }
        case "error" -> answers.add("error:" + frame.path("code").asText());
        case "ack" -> {
          ledger.fuzzAcknowledged(frame.path("changeId").asText(), frame.path("revision").asLong());
          answers.add(frame.path("duplicate").asBoolean() ? "ack:duplicate" : "ack");
        }
        default -> {} // the workshop's events and others' cursors: not an answer to this attempt
      }
    }
  }

  private void judge(Attempt attempt, List<String> answers) {
    ledger.answered(attempt.kind(), String.join("+", answers));
    String problem = null;
    if (answers.contains("no_answer")) {
      problem = "no answer within " + ANSWER_MILLIS + " ms";
    } else if (answers.contains("error:internal")) {
      problem = "an internal error";
    } else if (answers.stream().filter(a -> a.startsWith("ack") || a.startsWith("error")).count()
        > 1) {
      problem = "more than one answer";
    } else if (attempt.expect() == Expect.REFUSED && !refused(answers)) {
      problem = "not refused as a bad message";
    } else if (answers.stream()
        .anyMatch(a -> a.startsWith("close:") && !LIMIT_CLOSES.contains(code(a)))) {
      problem = "closed the socket";
    }
    if (problem != null) {
      ledger.violation(
          attempt.kind() + ": " + problem + " " + answers + ": " + abbreviate(attempt.frame()));
    }
  }

  private static boolean refused(List<String> answers) {
    return answers.size() == 1
        && (answers.get(0).startsWith("error:") && REFUSALS.contains(answers.get(0).substring(6))
            || answers.get(0).startsWith("close:") && LIMIT_CLOSES.contains(code(answers.get(0))));
  }

  private static int code(String close) {
    return Integer.parseInt(close.substring("close:".length()));
  }

  private static void send(FuzzSocket socket, String kind, String frame, boolean binary) {
    if (!binary) {
      socket.send(frame);
    } else if (kind.startsWith("binary_junk")) {
      socket.sendBinary(frame.getBytes(StandardCharsets.ISO_8859_1)); // raw bytes, held as chars
    } else {
      socket.sendBinary(frame.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Keeps this connection near its rate: a bounded load, not a wait for an event. */
  private void pace() {
    LockSupport.parkNanos(pauseNanos / 2 + (long) (random.nextDouble() * pauseNanos));
  }

  private static String abbreviate(String frame) {
    return frame.length() <= 200 ? frame : frame.substring(0, 200) + "… (" + frame.length() + ")";
  }
}
