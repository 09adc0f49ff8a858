package io.atelier.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal writer's prepared statements on its current connection, each compiled at its first
 * use and reused by every later batch: SQLite compiles a statement's SQL each time one is prepared,
 * which cost a tenth of the writer's CPU when every write prepared its own. A statement belongs to
 * its connection, so the writer drops this cache with the connection (after a failure, when it
 * opens a new one) and builds a new one. Writer thread only.
 */
final class WriterStatements implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterStatements.class);

  private final Connection connection;
  private final Runnable onCompile;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  /**
   * @param onCompile told each time a statement is compiled, so that its reuse can be checked
   */
  WriterStatements(Connection connection, Runnable onCompile) {
    this.connection = connection;
    this.onCompile = onCompile;
  }

  /** The statement of this SQL, compiled now if it is the first use on this connection. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
      onCompile.run();
    }
    return statement;
  }

  /** The connection the statements belong to. */
  Connection connection() {
    return connection;
  }

  /** Closes every statement; the connection stays open (its owner closes it). */
  @Override
  public void close() {
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException | RuntimeException e) {
        // The connection may be gone already (the reason for dropping the cache): nothing to free.
        LOG.debug("Closing a cached journal statement failed", e);
      }
    }
    prepared.clear();
  }
}
