package io.atelier.benchmarks;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.domain.Event;
import io.atelier.domain.Language;
import io.atelier.domain.NoteColor;
import io.atelier.domain.NotePatch;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What the durable journal costs per appended change: the real SQLite journal ({@link
 * JdbcWorkshopJournal#sqlite}, WAL, {@code synchronous=FULL}, so every commit is synced to disk) in
 * a temporary directory, {@code workshops} workshops, each append one {@code note_updated} event
 * (x, y, a 40-character text and a colour, as the load tool's edits) to the next workshop in turn.
 * One invocation queues {@code inFlight} appends and waits until all are durable, so the writer's
 * batches hold about that many writes: 1 is a quiet node (a transaction per change), 16 and 64 a
 * busy one.
 *
 * <p>{@code appends} is the rate of durable appends. The CPU of the journal's own threads (the
 * writer, which runs the transactions, and the completions thread, which completes the callers'
 * stages) per append is what matters on a node pinned to one core: it is read with {@link
 * ThreadMXBean} over each measured iteration and printed as {@code [journal-cpu]} lines, then as
 * their median at the end of the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
  private static final String TEXT = "Idée : un coin lecture pour les familles";
  private static final ParticipantId AUTHOR = new ParticipantId("p-bench");

  @Param({"50"})
  public int workshops;

  @Param({"1", "16", "64"})
  public int inFlight;

  private Path directory;
  private JdbcWorkshopJournal journal;
  private WorkshopId[] ids;
  private long[] revisions;
  private int next;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<Double> writerMicros = new ArrayList<>();
  private final List<Double> completionsMicros = new ArrayList<>();
  private boolean measuring;
  private long appendsAtStart;
  private long writerCpuAtStart;
  private long completionsCpuAtStart;
  private long appended;

  /** The rate of durable appends, beside JMH's rate of invocations. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Appends {
    public long appends;

    @Setup(Level.Iteration)
    public void reset() {
      appends = 0;
    }
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("atelier-journal-bench");
    journal = JdbcWorkshopJournal.sqlite(directory);
    ids = new WorkshopId[workshops];
    revisions = new long[workshops];
    List<CompletableFuture<Void>> created = new ArrayList<>();
    for (int w = 0; w < workshops; w++) {
      ids[w] = new WorkshopId("bench-" + w);
      created.add(
          journal
              .create(
                  new WorkshopFacts(
                      ids[w], "Atelier " + w, Language.FR, Secrets.hash("k"), 1_700_000_000_000L))
              .toCompletableFuture());
    }
    created.forEach(CompletableFuture::join);
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    appendsAtStart = appended;
    writerCpuAtStart = cpuOf("atelier-journal-writer");
    completionsCpuAtStart = cpuOf("atelier-journal-completions");
  }

  @Benchmark
  public void append(Appends counter) {
    CompletableFuture<?>[] pending = new CompletableFuture<?>[inFlight];
    for (int i = 0; i < inFlight; i++) {
      int w = next;
      next = (next + 1) % workshops;
      long revision = ++revisions[w];
      Event event =
          new Event.NoteUpdated(
              revision,
              "c-" + revision,
              AUTHOR,
              "n-" + (revision % 500),
              new NotePatch(
                  (double) (revision % 900),
                  (double) (revision % 600),
                  null,
                  null,
                  TEXT,
                  NoteColor.YELLOW,
                  null,
                  null));
      pending[i] = journal.append(ids[w], List.of(event)).toCompletableFuture();
    }
    CompletableFuture.allOf(pending).join();
    appended += inFlight;
    counter.appends += inFlight;
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    long appends = appended - appendsAtStart;
    if (!measuring || appends == 0) {
      return;
    }
    double writer = (cpuOf("atelier-journal-writer") - writerCpuAtStart) / 1e3 / appends;
    double completions =
        (cpuOf("atelier-journal-completions") - completionsCpuAtStart) / 1e3 / appends;
    writerMicros.add(writer);
    completionsMicros.add(completions);
    System.out.printf(
        "%n[journal-cpu] %d appends: writer %.1f µs/append, completions %.1f µs/append%n",
        appends, writer, completions);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    journal.close();
    if (!writerMicros.isEmpty()) {
      System.out.printf(
          "%n[journal-cpu] median of %d iterations, workshops=%d inFlight=%d:"
              + " writer %.1f µs/append, completions %.1f µs/append%n",
          writerMicros.size(),
          workshops,
          inFlight,
          median(writerMicros),
          median(completionsMicros));
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The CPU time of the live thread of that name, in ns; 0 before it has started. */
  private long cpuOf(String name) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals(name)) {
        return Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return 0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
