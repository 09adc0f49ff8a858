package io.atelier.benchmarks;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.atelier.adapter.hazelcast.FeedMessageSerializer;
import io.atelier.adapter.jdbc.JournalCodec;
import io.atelier.application.FeedMessage;
import io.atelier.domain.Change;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopLimits;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ProtocolException;
import io.atelier.protocol.WireMapping;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The work one note edit costs a node, stage by stage, in process and without sockets, disk or a
 * cluster: what the node's CPU does per change, so that the load tool's figures can be read against
 * it. An edit is an {@code update_note} that sets a note's x, y, 40-character text and colour, by
 * its author, in a workshop of 70 people and 500 notes ({@link RealisticWorkshop}).
 *
 * <ul>
 *   <li>{@code decode}: the frame to a validated message (ProtocolCodec, ER1);
 *   <li>{@code apply}: authorise and apply it to the workshop's state (WorkshopState: CH2's
 *       duplicate check, RO1's access, PW1, LK1, then LWW and the next revision), as the entry
 *       processor runs it on the workshop's partition;
 *   <li>{@code encodeEvent}: the event to its {@code note_updated} frame (WireMapping + codec),
 *       done once per node for every socket of the room (RoomHub);
 *   <li>{@code encodeAck}: the author's {@code ack};
 *   <li>{@code changePath}: those four together, one edit from frame in to frames out;
 *   <li>{@code journalEncode} and {@code feedRoundTrip}: what persistence and the cluster add on
 *       the same path: the event as the journal's JSON row, and the feed message through
 *       Hazelcast's serialization and back (the member's {@code FeedMessageSerializer}, ADR 0002),
 *       as the topic does between nodes (a node no longer serialises for its own sockets);
 *   <li>{@code changePathPersisted}: everything above, the CPU of one persisted, fanned-out edit
 *       when the cluster has another member (a node alone skips the feed's round trip).
 * </ul>
 *
 * Change ids cycle through {@value #RING} frames, more than the 10,000 a workshop remembers (CH2),
 * so every edit is applied, never answered as a duplicate.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChangePathBenchmark {
  static final int RING = 1 << 14;
  private static final WorkshopId WORKSHOP = new WorkshopId("atelier-bench");

  private final ProtocolCodec codec = new ProtocolCodec();
  private final JournalCodec journal = new JournalCodec();
  // With the member's serializer of feed messages (HazelcastMember, ADR 0002).
  private final InternalSerializationService hazelcast =
      new DefaultSerializationServiceBuilder()
          .setConfig(new SerializationConfig().addSerializerConfig(FeedMessageSerializer.config()))
          .build();
  private WorkshopState state;
  private final String[] frames = new String[RING];
  private final ParticipantId[] authors = new ParticipantId[RING];
  private final Change[] changes = new Change[RING];
  private final Outcome.Applied[] applied = new Outcome.Applied[RING];
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws ProtocolException {
    state = RealisticWorkshop.build();
    WorkshopState twin = RealisticWorkshop.build(); // Gives the encoders real events ahead.
    for (int k = 0; k < RING; k++) {
      int note = k % RealisticWorkshop.NOTES;
      frames[k] =
          codec.encode(
              new ClientMessage.UpdateNote(
                  "bench-" + k,
                  RealisticWorkshop.noteId(note),
                  new NoteProperties(
                      (double) (k % 1000),
                      (double) (k % 700),
                      null,
                      null,
                      String.format("%05d", k) + RealisticWorkshop.TEXT.substring(5),
                      RealisticWorkshop.colour(k),
                      null)));
      authors[k] = RealisticWorkshop.authorOf(note);
      changes[k] = ((ClientMessage.ChangeMessage) codec.decodeClient(frames[k])).toChange();
      applied[k] = (Outcome.Applied) operation(k).applyTo(twin);
    }
  }

  private int turn() {
    int k = next;
    next = (next + 1) & (RING - 1);
    return k;
  }

  private WorkshopOperation.ApplyChange operation(int k) {
    return new WorkshopOperation.ApplyChange(
        authors[k], changes[k], false, 1_700_000_000_000L, WorkshopLimits.NONE);
  }

  @Benchmark
  public ClientMessage decode() throws ProtocolException {
    return codec.decodeClient(frames[turn()]);
  }

  @Benchmark
  public Outcome apply() {
    return operation(turn()).applyTo(state);
  }

  @Benchmark
  public String encodeEvent() {
    return codec.encode(WireMapping.toMessage(applied[turn()].event()));
  }

  @Benchmark
  public String encodeAck() {
    return codec.encode(WireMapping.toReply(applied[turn()]));
  }

  @Benchmark
  public String journalEncode() {
    return journal.encodeEvent(applied[turn()].event());
  }

  @Benchmark
  public Object feedRoundTrip() {
    Outcome.Applied outcome = applied[turn()];
    FeedMessage message =
        new FeedMessage.Committed(WORKSHOP, outcome.event(), outcome.visibility());
    return hazelcast.toObject(hazelcast.toData(message));
  }

  @Benchmark
  public void changePath(Blackhole out) throws ProtocolException {
    int k = turn();
    Outcome.Applied outcome = decodeAndApply(k);
    out.consume(codec.encode(WireMapping.toMessage(outcome.event())));
    out.consume(codec.encode(WireMapping.toReply(outcome)));
  }

  @Benchmark
  public void changePathPersisted(Blackhole out) throws ProtocolException {
    int k = turn();
    Outcome.Applied outcome = decodeAndApply(k);
    out.consume(journal.encodeEvent(outcome.event()));
    FeedMessage message =
        new FeedMessage.Committed(WORKSHOP, outcome.event(), outcome.visibility());
    FeedMessage received = hazelcast.toObject(hazelcast.toData(message));
    Outcome.Applied delivered =
        new Outcome.Applied(((FeedMessage.Committed) received).event(), outcome.visibility());
    out.consume(codec.encode(WireMapping.toMessage(delivered.event())));
    out.consume(codec.encode(WireMapping.toReply(outcome)));
  }

  private Outcome.Applied decodeAndApply(int k) throws ProtocolException {
    ClientMessage message = codec.decodeClient(frames[k]);
    Change change = ((ClientMessage.ChangeMessage) message).toChange();
    Outcome outcome =
        new WorkshopOperation.ApplyChange(
                authors[k], change, false, 1_700_000_000_000L, WorkshopLimits.NONE)
            .applyTo(state);
    if (!(outcome instanceof Outcome.Applied a)) {
      throw new IllegalStateException("an edit was refused: " + outcome);
    }
    return a;
  }
}
