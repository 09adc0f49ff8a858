package io.atelier.adapter;

import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteImageStoreTest extends JdbcImageStoreContract {
  @TempDir Path temp;

  @Override
  protected JdbcWorkshopJournal openJournal() {
    return JdbcWorkshopJournal.sqlite(temp.resolve("data"));
  }
}
