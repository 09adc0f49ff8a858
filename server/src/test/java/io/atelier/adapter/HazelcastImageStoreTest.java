package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.HazelcastImageStore;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.config.ClusterSettings;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import io.atelier.testing.FreePorts;
import io.atelier.testing.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image contract against two real embedded Hazelcast members on loopback, one cluster: the
 * store under test talks to the first; "opening it again" is a store on the second member.
 */
class HazelcastImageStoreTest extends ImageStoreContract {
  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private ImageStore images = new HazelcastImageStore(first);

  @BeforeAll
  static void startMembers() {
    String cluster = "image-contract-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.take(2);
    first = member(cluster, ports.get(0), ports.get(1));
    second = member(cluster, ports.get(1), ports.get(0));
    Await.condition(
        () -> first.getCluster().getMembers().size() == 2,
        Duration.ofSeconds(30),
        () -> "members: " + first.getCluster().getMembers());
  }

  private static HazelcastInstance member(String cluster, int port, int other) {
    return HazelcastMember.start(
        new ClusterSettings(cluster, "127.0.0.1", port, List.of("127.0.0.1:" + other)));
  }

  @AfterAll
  static void stopMembers() {
    second.shutdown();
    first.shutdown();
  }

  @Override
  protected ImageStore images() {
    return images;
  }

  @Override
  protected WorkshopId newWorkshop() {
    return new WorkshopId("w-" + UUID.randomUUID());
  }

  @Override
  protected void reopen() {
    images = new HazelcastImageStore(second);
  }

  @Test
  @DisplayName("an image stored through one member reads back through the other, and goes for both")
  void acrossMembers() {
    WorkshopId workshop = newWorkshop();
    ImageStore onFirst = new HazelcastImageStore(first);
    ImageStore onSecond = new HazelcastImageStore(second);
    byte[] png = TestImages.png(42);
    StoredImage stored = Await.result(onFirst.put(workshop, "image/png", png));
    assertThat(Await.result(onSecond.get(workshop, stored.id())).orElseThrow().bytes())
        .isEqualTo(png);
    assertThat(Await.result(onSecond.all(workshop))).containsExactly(stored);

    Await.result(onSecond.deleteAll(workshop));
    assertThat(Await.result(onFirst.get(workshop, stored.id()))).isEmpty();
  }
}
