package io.atelier.adapter.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.atelier.config.ClusterSettings;
import io.atelier.testing.FreePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ADR 0020: what follows any Hazelcast call runs on the completion threads, never a new one. */
class CompletionThreadsTest {
  private static HazelcastInstance member;

  @BeforeAll
  static void startMember() {
    member =
        HazelcastMember.start(
            new ClusterSettings(
                "completions-" + UUID.randomUUID(),
                "127.0.0.1",
                FreePorts.take(1).get(0),
                List.of()));
  }

  @AfterAll
  static void stopMember() {
    member.shutdown();
  }

  @Test
  @DisplayName("Hazelcast's own default for continuations is the completion threads")
  void hazelcastContinuationsRunOnTheCompletionThreads() throws Exception {
    IMap<String, String> map = member.getMap("completions-" + UUID.randomUUID());
    map.put("k", "v");
    List<CompletableFuture<String>> threads = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      threads.add(
          map.getAsync("k")
              .thenApplyAsync(value -> Thread.currentThread().getName())
              .toCompletableFuture());
    }

    for (CompletableFuture<String> thread : threads) {
      // Without it: "Thread-N" on one or two cores (a thread each), the common pool above that.
      assertThat(thread.get(30, TimeUnit.SECONDS)).startsWith(CompletionThreads.PREFIX);
    }
  }
}
