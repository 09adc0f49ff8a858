package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.hazelcast.HazelcastImageStore;
import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import io.atelier.testing.TestImages;
import io.atelier.testing.TwoMembers;
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
  private static TwoMembers members;
  private ImageStore images = new HazelcastImageStore(members.first);

  @BeforeAll
  static void startMembers() {
    members = TwoMembers.start("image-contract");
  }

  @AfterAll
  static void stopMembers() {
    members.close();
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
    images = new HazelcastImageStore(members.second);
  }

  @Test
  @DisplayName("an image stored through one member reads back through the other, and goes for both")
  void acrossMembers() {
    WorkshopId workshop = newWorkshop();
    ImageStore onFirst = new HazelcastImageStore(members.first);
    ImageStore onSecond = new HazelcastImageStore(members.second);
    byte[] png = TestImages.png(42);
    StoredImage stored = Await.result(onFirst.put(workshop, "image/png", png));
    assertThat(Await.result(onSecond.get(workshop, stored.id())).orElseThrow().bytes())
        .isEqualTo(png);
    assertThat(Await.result(onSecond.all(workshop))).containsExactly(stored);

    Await.result(onSecond.deleteAll(workshop));
    assertThat(Await.result(onFirst.get(workshop, stored.id()))).isEmpty();
  }
}
