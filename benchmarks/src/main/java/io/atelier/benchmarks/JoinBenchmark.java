package io.atelier.benchmarks;

import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.atelier.domain.CatchUp;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.WorkshopState;
import io.atelier.protocol.ProtocolCodec;
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

/**
 * What a node's CPU spends on a newcomer joining a workshop of {@value #NOTES} notes (issue 8's
 * join scenario), without sockets:
 *
 * <ul>
 *   <li>{@code snapshot}: the domain builds the state as the newcomer may read it (PW1), on the
 *       workshop's partition thread;
 *   <li>{@code snapshotRoundTrip}: that snapshot through Hazelcast's serialization and back, which
 *       every join paid before entry processors handed their answers over by reference on the
 *       caller's own member ({@code LocalAnswer}); a node that is not the workshop's owner still
 *       pays it;
 *   <li>{@code encodeSnapshot}: the snapshot to its wire frame (WireMapping and the codec), once
 *       per join.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JoinBenchmark {
  static final int NOTES = 2_000;
  private static final ParticipantId NEWCOMER = RealisticWorkshop.person(0);

  private final InternalSerializationService hazelcast =
      new DefaultSerializationServiceBuilder().build();
  private final ProtocolCodec codec = new ProtocolCodec();
  private WorkshopState state;
  private CatchUp.Snapshot snapshot;

  @Setup(Level.Trial)
  public void setUp() {
    state = RealisticWorkshop.build(NOTES);
    snapshot = state.snapshot(NEWCOMER);
  }

  @Benchmark
  public CatchUp.Snapshot snapshot() {
    return state.snapshot(NEWCOMER);
  }

  @Benchmark
  public Object snapshotRoundTrip() {
    return hazelcast.toObject(hazelcast.toData(snapshot));
  }

  @Benchmark
  public String encodeSnapshot() {
    return codec.encode(WireMapping.toMessage(snapshot));
  }
}
