package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.domain.ImageRefusedException;
import io.atelier.domain.ImageRefusedException.Reason;
import io.atelier.domain.ImageRules;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import io.atelier.testing.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ImageStore} must do; each adapter's test extends this class. */
public abstract class ImageStoreContract {
  /** The store under test, as it is now (after any {@link #reopen()}). */
  protected abstract ImageStore images();

  /** A workshop the store takes images for (the JDBC store needs it in its journal). */
  protected abstract WorkshopId newWorkshop();

  /** Opens the store again, as a restarted node would (a new adapter on the same storage). */
  protected abstract void reopen();

  private StoredImage put(WorkshopId workshop, String type, byte[] bytes) {
    return Await.result(images().put(workshop, type, bytes));
  }

  private Reason refusal(WorkshopId workshop, String type, byte[] bytes) {
    Throwable failure = Await.failure(images().put(workshop, type, bytes));
    assertThat(failure).isInstanceOf(ImageRefusedException.class).hasMessageContaining("image");
    return ((ImageRefusedException) failure).reason();
  }

  private List<StoredImage> all(WorkshopId workshop) {
    return Await.result(images().all(workshop));
  }

  @Test
  @DisplayName("a stored image reads back with the same bytes and type; its id is their SHA-256")
  void putThenGet() {
    WorkshopId workshop = newWorkshop();
    byte[] png = TestImages.png(1);
    StoredImage stored = put(workshop, "image/png", png);
    assertThat(stored.id()).isEqualTo(TestImages.sha256(png)).matches("[0-9a-f]{64}");
    assertThat(stored.contentType()).isEqualTo("image/png");

    StoredImage read = Await.result(images().get(workshop, stored.id())).orElseThrow();
    assertThat(read.bytes()).isEqualTo(png);
    assertThat(read.contentType()).isEqualTo("image/png");
    assertThat(read.id()).isEqualTo(stored.id());
  }

  @Test
  @DisplayName("PNG and JPEG are both kept, each with its own type; the type is stored canonical")
  void pngAndJpeg() {
    WorkshopId workshop = newWorkshop();
    StoredImage png = put(workshop, "image/PNG", TestImages.png(2));
    StoredImage jpeg = put(workshop, "image/jpeg; charset=binary", TestImages.jpeg(2));
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(Await.result(images().get(workshop, jpeg.id())).orElseThrow().contentType())
        .isEqualTo("image/jpeg");
    assertThat(all(workshop)).containsExactlyInAnyOrder(png, jpeg);
  }

  @Test
  @DisplayName("the same bytes put twice are one image with one id (content-addressed)")
  void idempotent() {
    WorkshopId workshop = newWorkshop();
    byte[] png = TestImages.png(3);
    StoredImage first = put(workshop, "image/png", png);
    StoredImage again = put(workshop, "image/png", png.clone());
    assertThat(again).isEqualTo(first);
    assertThat(all(workshop)).containsExactly(first);
  }

  @Test
  @DisplayName(
      "refused and not stored: another type, bytes of another type, empty, one byte over 2 MiB;"
          + " exactly 2 MiB is taken")
  void refusals() {
    WorkshopId workshop = newWorkshop();
    assertThat(refusal(workshop, "image/gif", TestImages.gif(4)))
        .isEqualTo(Reason.UNSUPPORTED_TYPE);
    assertThat(refusal(workshop, "image/png", TestImages.gif(4))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal(workshop, "image/jpeg", TestImages.png(4))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal(workshop, "image/png", TestImages.jpeg(4))).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal(workshop, null, TestImages.png(4))).isEqualTo(Reason.UNSUPPORTED_TYPE);
    assertThat(refusal(workshop, "image/png", new byte[0])).isEqualTo(Reason.NOT_THAT_TYPE);
    assertThat(refusal(workshop, "image/png", TestImages.justTooLarge()))
        .isEqualTo(Reason.TOO_LARGE);
    assertThat(all(workshop)).isEmpty();

    byte[] largest = TestImages.pngOfSize(ImageRules.MAX_BYTES);
    StoredImage stored = put(workshop, "image/png", largest);
    assertThat(Await.result(images().get(workshop, stored.id())).orElseThrow().bytes())
        .isEqualTo(largest);
  }

  @Test
  @DisplayName(
      "a workshop holds at most 50 images: the 51st is refused, the same image again is still"
          + " fine, and other workshops are not affected")
  void limitPerWorkshop() {
    WorkshopId full = newWorkshop();
    List<StoredImage> stored = new ArrayList<>();
    for (int i = 0; i < ImageRules.MAX_PER_WORKSHOP; i++) {
      stored.add(put(full, "image/png", TestImages.png(1000 + i)));
    }
    assertThat(refusal(full, "image/png", TestImages.png(999))).isEqualTo(Reason.TOO_MANY);
    assertThat(put(full, "image/png", TestImages.png(1000))).isEqualTo(stored.get(0));
    assertThat(all(full)).hasSize(ImageRules.MAX_PER_WORKSHOP);

    WorkshopId other = newWorkshop();
    assertThat(put(other, "image/png", TestImages.png(999)).id())
        .isEqualTo(TestImages.sha256(TestImages.png(999)));
  }

  @Test
  @DisplayName("the limit holds under concurrent uploads: of 60 at once, exactly 50 are stored")
  void limitUnderConcurrency() throws Exception {
    WorkshopId workshop = newWorkshop();
    int uploads = ImageRules.MAX_PER_WORKSHOP + 10;
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CyclicBarrier start = new CyclicBarrier(8);
    try {
      List<CompletableFuture<CompletionStage<StoredImage>>> calls = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        byte[] png = TestImages.png(2000 + i);
        boolean waits = i < 8; // The first call of each thread starts together with the others.
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  if (waits) {
                    await(start);
                  }
                  return images().put(workshop, "image/png", png);
                },
                threads));
      }
      int refused = 0;
      for (CompletableFuture<CompletionStage<StoredImage>> call : calls) {
        CompletionStage<StoredImage> put = call.get(30, TimeUnit.SECONDS);
        try {
          Await.result(put);
        } catch (AssertionError e) {
          assertThat(e.getCause()).isInstanceOf(ImageRefusedException.class);
          assertThat(((ImageRefusedException) e.getCause()).reason()).isEqualTo(Reason.TOO_MANY);
          refused++;
        }
      }
      assertThat(refused).isEqualTo(uploads - ImageRules.MAX_PER_WORKSHOP);
      assertThat(all(workshop)).hasSize(ImageRules.MAX_PER_WORKSHOP);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "an image belongs to its workshop: asked under another workshop, or unknown, it is absent")
  void scopedByWorkshop() {
    WorkshopId owner = newWorkshop();
    WorkshopId other = newWorkshop();
    StoredImage stored = put(owner, "image/png", TestImages.png(5));
    assertThat(Await.result(images().get(other, stored.id()))).isEmpty();
    assertThat(Await.result(images().get(owner, TestImages.sha256(new byte[] {1})))).isEmpty();
    assertThat(all(other)).isEmpty();
  }

  @Test
  @DisplayName("deleteAll removes every image of one workshop only; that workshop may start again")
  void deleteAll() {
    WorkshopId doomed = newWorkshop();
    WorkshopId kept = newWorkshop();
    StoredImage gone = put(doomed, "image/png", TestImages.png(6));
    put(doomed, "image/jpeg", TestImages.jpeg(6));
    StoredImage stays = put(kept, "image/png", TestImages.png(6));

    Await.result(images().deleteAll(doomed));
    assertThat(all(doomed)).isEmpty();
    assertThat(Await.result(images().get(doomed, gone.id()))).isEmpty();
    assertThat(Await.result(images().get(kept, stays.id()))).contains(stays);
    Await.result(images().deleteAll(doomed)); // Nothing left: still fine.

    StoredImage back = put(doomed, "image/png", TestImages.png(6));
    assertThat(Await.result(images().get(doomed, back.id()))).contains(back);
  }

  @Test
  @DisplayName("images are still there when the store is opened again")
  void survivesReopening() {
    WorkshopId workshop = newWorkshop();
    StoredImage png = put(workshop, "image/png", TestImages.png(7));
    StoredImage jpeg = put(workshop, "image/jpeg", TestImages.jpeg(7));
    reopen();
    assertThat(Await.result(images().get(workshop, png.id()))).contains(png);
    assertThat(all(workshop)).containsExactlyInAnyOrder(png, jpeg);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
