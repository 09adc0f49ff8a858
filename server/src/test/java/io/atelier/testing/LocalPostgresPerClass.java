package io.atelier.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalPostgres} for a test class: started before its first test, stopped after its
 * last. Registered on a static field ({@code @RegisterExtension static final LocalPostgresPerClass
 * POSTGRES = new LocalPostgresPerClass();}); without the binaries the class is skipped, or fails
 * under {@code CI=true}, as {@link LocalPostgres#start()} decides.
 */
public final class LocalPostgresPerClass implements BeforeAllCallback, AfterAllCallback {
  private LocalPostgres server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = LocalPostgres.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The running server; only between the class's first and last test. */
  public LocalPostgres server() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL runs only while the test class runs");
    }
    return server;
  }
}
