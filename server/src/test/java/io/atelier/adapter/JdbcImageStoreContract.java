package io.atelier.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.application.ImageStore;
import io.atelier.application.StoredImage;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.Await;
import io.atelier.testing.RecordedWorkshop;
import io.atelier.testing.TestImages;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image contract on the journal's database, and what the database adds: an image needs its
 * workshop in the journal, and deleting the workshop from the journal deletes its images.
 */
public abstract class JdbcImageStoreContract extends ImageStoreContract {
  private final ExecutorService reading = Executors.newFixedThreadPool(2);
  private JdbcWorkshopJournal journal;
  private ImageStore images;

  /** Opens the adapter's journal; every call opens the same database again (a restart). */
  protected abstract JdbcWorkshopJournal openJournal();

  @BeforeEach
  void open() {
    journal = openJournal();
    images = journal.images(reading);
  }

  @AfterEach
  void close() {
    journal.close();
    reading.shutdownNow();
  }

  @Override
  protected ImageStore images() {
    return images;
  }

  @Override
  protected WorkshopId newWorkshop() {
    RecordedWorkshop workshop = new RecordedWorkshop("Images");
    Await.result(journal.create(workshop.facts()));
    return workshop.id();
  }

  @Override
  protected void reopen() {
    journal.close();
    open();
  }

  @Test
  @DisplayName("an image for a workshop that is not in the journal is refused and not stored")
  void unknownWorkshop() {
    WorkshopId unknown = new WorkshopId("w-not-journaled");
    assertThat(Await.failure(images.put(unknown, "image/png", TestImages.png(8))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not in the journal");
    assertThat(Await.result(images.all(unknown))).isEmpty();
  }

  @Test
  @DisplayName("deleting a workshop from the journal deletes its images with it")
  void journalDeletionTakesTheImages() {
    WorkshopId workshop = newWorkshop();
    StoredImage stored = Await.result(images.put(workshop, "image/png", TestImages.png(9)));
    Await.result(journal.delete(workshop));
    assertThat(journal.load(workshop)).isEmpty();
    assertThat(Await.result(images.get(workshop, stored.id()))).isEmpty();
  }
}
