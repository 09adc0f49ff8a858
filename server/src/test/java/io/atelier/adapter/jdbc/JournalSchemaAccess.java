package io.atelier.adapter.jdbc;

import io.atelier.domain.WorkshopFacts;
import java.util.List;

/** Lets the journal tests build a database as an earlier release left it. */
public final class JournalSchemaAccess {
  private JournalSchemaAccess() {}

  public static List<String> version1() {
    return JournalSchema.MIGRATIONS.get(0);
  }

  public static String encode(WorkshopFacts facts) {
    return new JournalCodec().encodeFacts(facts);
  }
}
