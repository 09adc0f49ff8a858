package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.config.AtelierConfig;
import io.atelier.config.Limits;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ServerMessage;
import io.atelier.testing.Await;
import io.atelier.testing.FuzzCorpus;
import io.atelier.testing.FuzzSocket;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, point 5: for a bounded time, many connections send random and mutated messages (the
 * protocol's examples, mutated: {@link FuzzCorpus}) to a real node while three well-behaved clients
 * work in the same workshop. The node must stay up, its heap must not grow beyond a margin, the
 * well-behaved clients must lose nothing and stay connected, and invalid messages must change
 * nothing: every revision of the workshop is accounted for by an acknowledged change (or a person
 * coming or going), and another workshop whose things the fuzzers name stays exactly as it was. It
 * prints what it tried, by kind, and how the server answered.
 *
 * <p>Runs in the normal build, about 50 seconds. System properties: {@code atelier.fuzz.seconds}
 * (40), {@code atelier.fuzz.seed} (random, printed: the same seed replays what each connection
 * tried), {@code atelier.fuzz.connections} (20), {@code atelier.fuzz.rate} (messages per second per
 * connection, 25), {@code atelier.fuzz.heapGrowthMiB} (64), {@code atelier.fuzz.latencyMs} (10000).
 */
@Tag("fuzz")
class FuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SECONDS = Long.getLong("atelier.fuzz.seconds", 40);
  private static final long SEED = Long.getLong("atelier.fuzz.seed", System.nanoTime());
  private static final int CONNECTIONS = Integer.getInteger("atelier.fuzz.connections", 20);
  private static final int RATE = Integer.getInteger("atelier.fuzz.rate", 25);
  private static final long HEAP_GROWTH_MIB = Long.getLong("atelier.fuzz.heapGrowthMiB", 64);
  private static final long LATENCY_MS = Long.getLong("atelier.fuzz.latencyMs", 10_000);
  private static final int POLITE = 3;

  /** Events a person's arrival or departure makes: they carry no changeId (HS6). */
  private static final Set<String> COMINGS_AND_GOINGS =
      Set.of("participant_joined", "presence_changed");

  @Test
  @DisplayName(
      "ER1 issue 7: under random and mutated messages the server stays up, bounded, loses nothing"
          + " and invalid messages change nothing")
  void fuzz() throws Exception {
    System.out.printf(
        "Fuzz: seed %d (-Datelier.fuzz.seed=%d replays it), %d s, %d connections at %d/s%n",
        SEED, SEED, SECONDS, CONNECTIONS, RATE);
    Vertx clients = Vertx.vertx();
    try (RunningServer server = new RunningServer(config())) {
      Elsewhere elsewhere = Elsewhere.prepare(server);
      String workshopId = server.createWorkshop("Fuzz", "fr").getString("id");
      FuzzLedger ledger = new FuzzLedger();

      FuzzAuditor auditor = new FuzzAuditor(FuzzSocket.open(clients, server.port()), workshopId);
      Thread auditing = start("auditor", auditor);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
      CountDownLatch ready = new CountDownLatch(POLITE);
      CountDownLatch stoppedSending = new CountDownLatch(POLITE);
      CompletableFuture<Long> finalRevision = new CompletableFuture<>();
      List<WellBehavedClient> polite = new ArrayList<>();
      List<Thread> politeThreads = new ArrayList<>();
      for (int i = 0; i < POLITE; i++) {
        WellBehavedClient client =
            new WellBehavedClient(
                clients,
                server.port(),
                workshopId,
                i,
                ledger,
                deadline,
                5,
                ready,
                stoppedSending,
                finalRevision);
        polite.add(client);
        politeThreads.add(start("polite-" + i, client));
      }
      assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
      int baselineSessions = server.server().openSessions();

      List<FuzzingClient> fuzzers = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        Random random = new Random(SEED + i);
        FuzzCorpus corpus = new FuzzCorpus(random, workshopId, elsewhere.ids(), "f" + i);
        fuzzers.add(
            new FuzzingClient(
                clients, server.port(), workshopId, corpus, random, ledger, deadline, RATE));
      }
      long heapBefore = usedHeapAfterGc();
      HealthWatch health = HealthWatch.watch(server);

      List<Thread> fuzzThreads = new ArrayList<>();
      for (int i = 0; i < fuzzers.size(); i++) {
        fuzzThreads.add(start("fuzz-" + i, fuzzers.get(i)));
      }
      for (Thread thread : fuzzThreads) {
        thread.join(TimeUnit.SECONDS.toMillis(SECONDS + 120));
        assertThat(thread.isAlive()).as("%s still running", thread.getName()).isFalse();
      }
      assertThat(stoppedSending.await(60, TimeUnit.SECONDS)).isTrue();
      Await.condition(
          () -> server.server().openSessions() == baselineSessions,
          Duration.ofSeconds(30),
          () ->
              server.server().openSessions() + " sessions open, " + baselineSessions + " expected");

      Snapshot after = Snapshot.read(clients, server.port(), workshopId);
      finalRevision.complete(after.revision());
      for (Thread thread : politeThreads) {
        thread.join(TimeUnit.MINUTES.toMillis(2));
      }
      auditor.until(after.revision());
      auditing.join(TimeUnit.MINUTES.toMillis(1));
      health.stop();
      long heapAfter = usedHeapAfterGc();
      Snapshot elsewhereAfter = Snapshot.read(clients, server.port(), elsewhere.id());

      List<Long> latencies = latencies(polite);
      System.out.printf(
          "Fuzz: %d attempts by kind, and the answers (seed %d):%n%s%n",
          ledger.total(), SEED, ledger.report());
      System.out.printf(
          "Fuzz: well-behaved changes %d, delivery latency ms p50 %d p99 %d max %d, retried after"
              + " rate_limited %d%n",
          ledger.politeAcks().size(),
          percentile(latencies, 50),
          percentile(latencies, 99),
          percentile(latencies, 100),
          polite.stream().mapToInt(WellBehavedClient::rateLimited).sum());
      System.out.printf(
          "Fuzz: heap used after GC %d MiB before, %d MiB after; health checks %d, failed %d, slowest"
              + " %d ms; revisions %d to %d%n",
          heapBefore >> 20,
          heapAfter >> 20,
          health.checks(),
          health.failures(),
          health.slowestMs(),
          auditor.firstRevision(),
          after.revision());
      ledger.violations().forEach(v -> System.out.println("Fuzz violation: " + v));

      assertThat(ledger.violations()).as("answers that broke a rule").isEmpty();
      assertThat(health.failures()).as("failed health checks").isZero();
      assertThat(polite.stream().flatMap(p -> p.problems().stream()).toList())
          .as("what the well-behaved clients met")
          .isEmpty();
      assertThat(percentile(latencies, 100)).as("slowest delivery, ms").isLessThan(LATENCY_MS);
      assertThat(reconcile(auditor, ledger, after.revision()))
          .as("revisions no acknowledged change accounts for")
          .isEmpty();
      assertThat(lostNotes(polite, after))
          .as("well-behaved notes not where they were put")
          .isEmpty();
      assertThat(elsewhereAfter.message())
          .as("the other workshop")
          .isEqualTo(elsewhere.before().message());
      assertThat((heapAfter - heapBefore) >> 20).as("heap growth, MiB").isLessThan(HEAP_GROWTH_MIB);
      // Not vacuous: it sent a lot, most was refused, some was applied.
      assertThat(ledger.total()).isGreaterThan(CONNECTIONS * SECONDS * RATE / 4);
      assertThat(ledger.count("error:bad_message")).isGreaterThan(ledger.total() / 5);
      assertThat(ledger.fuzzAcks()).isNotEmpty();
      assertThat(ledger.politeAcks().size()).isGreaterThan((int) (POLITE * SECONDS));
    } finally {
      Await.result(clients.close());
    }
  }

  /**
   * The limits as a node has them by default (LM1 to LM10), so that junk goes through the same
   * meters as in production and what they answer (rate_limited, 1008, 4009, 4029) is judged too. At
   * the rates above no connection comes near LM1 or LM3: the fuzz tests validation, not the limits
   * (its printed table shows how often one answered). One exception: notes per canvas (LM6), which
   * the well-behaved clients' notes alone would reach in a longer run, and then their refusals
   * would be counted as harm the fuzz did.
   */
  private static AtelierConfig config() {
    Limits d = Limits.DEFAULTS;
    return AtelierConfig.forTests()
        .withLimits(
            new Limits(
                d.changesPerSecond(),
                d.changesBurst(),
                d.cursorsPerSecond(),
                d.floodMessagesPerSecond(),
                d.floodSeconds(),
                d.connectionsPerAddress(),
                d.workshopsPerHour(),
                d.participantsPerWorkshop(),
                Limits.forTests().notesPerCanvas(),
                d.importMegabytes(),
                d.trustedProxies(),
                d.writeQueueKilobytes(),
                d.writeQueueGraceMillis(),
                d.writeQueueMaxKilobytes()));
  }

  /**
   * Every revision after the auditor's entry is an acknowledged change (the revision its ack gave)
   * or a person coming or going; every acknowledged change is the event at its revision.
   */
  private static List<String> reconcile(FuzzAuditor auditor, FuzzLedger ledger, long last) {
    Map<String, Long> acks = new ConcurrentHashMap<>(ledger.fuzzAcks());
    acks.putAll(ledger.politeAcks());
    List<String> problems = new ArrayList<>(auditor.problems());
    for (long r = auditor.firstRevision() + 1; r <= last; r++) {
      String[] event = auditor.events().get(r);
      if (event == null) {
        problems.add("revision " + r + " never reached the auditor");
      } else if (event[1] == null) {
        if (!COMINGS_AND_GOINGS.contains(event[0])) {
          problems.add("revision " + r + ": " + event[0] + " without a changeId");
        }
      } else if (!Long.valueOf(r).equals(acks.get(event[1]))) {
        problems.add(
            "revision " + r + ": " + event[0] + " " + event[1] + " was never acknowledged");
      }
    }
    acks.forEach(
        (changeId, revision) -> {
          String[] event = auditor.events().get(revision);
          if (revision > auditor.firstRevision()
              && revision <= last
              && (event == null || !changeId.equals(event[1]))) {
            problems.add(changeId + " acknowledged at " + revision + " but that event is another");
          }
        });
    return problems.size() > 20 ? problems.subList(0, 20) : problems;
  }

  /**
   * Well-behaved notes missing from the final snapshot, or not where their last change put them.
   */
  private static List<String> lostNotes(List<WellBehavedClient> polite, Snapshot after) {
    Map<String, JsonNode> notes = new ConcurrentHashMap<>();
    after.message().path("notes").forEach(note -> notes.put(note.path("id").asText(), note));
    List<String> lost = new ArrayList<>();
    for (WellBehavedClient client : polite) {
      client
          .ownNotes()
          .forEach(
              (id, place) -> {
                JsonNode note = notes.get(id);
                if (note == null) {
                  lost.add(id + " missing");
                } else if (note.path("x").asDouble() != place[0]
                    || note.path("y").asDouble() != place[1]) {
                  lost.add(id + " at " + note.path("x") + "," + note.path("y"));
                }
              });
    }
    return lost;
  }

  /** From each well-behaved change's first send to its event at each well-behaved client, ms. */
  private static List<Long> latencies(List<WellBehavedClient> polite) {
    List<Long> latencies = new ArrayList<>();
    for (WellBehavedClient client : polite) {
      client
          .receivedAt()
          .forEach(
              (changeId, at) -> {
                Long sent = WellBehavedClient.SENT_AT.get(changeId);
                if (sent != null) {
                  latencies.add(TimeUnit.NANOSECONDS.toMillis(at - sent));
                }
              });
    }
    Collections.sort(latencies);
    return latencies;
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  /** The heap in use once the collector has run: the server runs in this JVM. */
  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc(); // a request: measured three times over, the lowest reading counts
    }
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return lowest;
  }

  private static Thread start(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static JsonNode json(String frame) {
    try {
      return JSON.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + frame, e);
    }
  }

  /** A workshop the fuzzers do not belong to; they name its note, canvas, cluster and person. */
  private record Elsewhere(String id, FuzzCorpus.Elsewhere ids, Snapshot before) {
    static Elsewhere prepare(RunningServer server) {
      JsonObject created = server.createWorkshop("Ailleurs", "fr");
      String id = created.getString("id");
      TestClient facilitator = server.facilitate(created);
      String person = facilitator.await(ServerMessage.Welcome.class).participant().id();
      facilitator.send(
          new ClientMessage.CreateNote(
              "e-1", "n-elsewhere", 10.0, 10.0, 200.0, 140.0, "ici", "pink"));
      facilitator.send(new ClientMessage.CreateCanvas("e-2", "c-elsewhere", "blank", "Ailleurs"));
      facilitator.send(
          new ClientMessage.CreateCluster(
              "e-3", "k-elsewhere", "main", "Groupe", List.of("n-elsewhere")));
      facilitator.await(ServerMessage.Ack.class, ack -> ack.changeId().equals("e-3"));
      facilitator.close(); // gone before the picture is taken: its presence will not move again
      Snapshot before = Snapshot.settled(server, id);
      return new Elsewhere(
          id,
          new FuzzCorpus.Elsewhere(id, "n-elsewhere", "c-elsewhere", "k-elsewhere", person),
          before);
    }
  }
}
