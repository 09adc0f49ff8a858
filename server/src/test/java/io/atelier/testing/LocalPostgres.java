package io.atelier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server of this machine's binaries, started for a test class on 127.0.0.1 and a
 * free port, in a temporary directory that {@link #close()} deletes after an immediate stop. As
 * root it runs as the {@code postgres} OS user (PostgreSQL refuses root). Without the binaries the
 * caller is skipped, except under {@code CI=true}, where that is a failure: CI installs Debian's
 * {@code postgresql} package (see .ci/run).
 */
public final class LocalPostgres implements AutoCloseable {
  private static final String OS_USER = "postgres";
  private static final String USER = "atelier";
  private static final String DATABASE = "atelier_test";
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path bin;
  private final Path dir;
  private final boolean asPostgresUser;
  private final String password = "pw-" + UUID.randomUUID();
  private int port;
  private Thread stopAtExit;

  private LocalPostgres(Path bin, Path dir, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.asPostgresUser = asPostgresUser;
  }

  /** Initialises, starts and waits for a server with one empty database; the caller closes it. */
  public static LocalPostgres start() {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    LocalPostgres postgres;
    try {
      postgres = new LocalPostgres(bin, Files.createTempDirectory("atelier-pg-"), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      postgres.initialise();
      postgres.launch();
      postgres.createDatabase();
      return postgres;
    } catch (RuntimeException | Error e) {
      postgres.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** A connection of the test's own, e.g. to write a corrupt row or read the schema. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, password);
  }

  /** Stops the server, keeping its data: the database is unavailable until {@link #resume()}. */
  public void pause() {
    stop();
  }

  /** Starts the paused server again, on the same port, with the same data. */
  public void resume() {
    startOn(port);
  }

  @Override
  public void close() {
    if (stopAtExit != null) {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
      stopAtExit = null;
    }
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop() {
    if (Files.exists(dir.resolve("data/postmaster.pid"))) {
      run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }
  }

  private void initialise() {
    try {
      Path passwordFile = dir.resolve("password");
      Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
      Files.createDirectory(dir.resolve("socket"));
      if (asPostgresUser) {
        UserPrincipal owner =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        for (Path path : List.of(dir, passwordFile, dir.resolve("socket"))) {
          Files.setOwner(path, owner);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare " + dir + " for PostgreSQL", e);
    }
    run(
        "initdb",
        "-D",
        dir.resolve("data").toString(),
        "-U",
        USER,
        "--pwfile=" + dir.resolve("password"),
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
  }

  /**
   * pg_ctl -w waits (up to -t seconds) until the server accepts connections; a taken port retries.
   */
  private void launch() {
    AssertionError last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      try {
        startOn(port);
        stopAtExit = new Thread(this::stop, "local-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        return;
      } catch (AssertionError e) {
        last = e;
      }
    }
    throw last;
  }

  private void startOn(int port) {
    run(
        "pg_ctl",
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-w",
        "-t",
        "30",
        "-o",
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            + dir.resolve("socket"),
        "start");
  }

  private void createDatabase() {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, USER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new AssertionError("Could not create the test database at " + url, e);
    }
  }

  private void run(String program, String... arguments) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(Arrays.asList(arguments));
    Path output = dir.resolve(program + ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command)
                + " failed ("
                + process.exitValue()
                + "):\n"
                + Files.readString(output)
                + log());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running " + command, e);
    }
  }

  private String log() throws IOException {
    Path log = dir.resolve("postgres.log");
    return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest /usr/lib/postgresql/N/bin, else the directory of initdb on the PATH. */
  private static Path findBinaries() {
    Optional<Path> found = Optional.empty();
    Path debian = Paths.get("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        found =
            versions
                .map(version -> version.resolve("bin"))
                .filter(LocalPostgres::hasBinaries)
                .max(Comparator.comparingInt(LocalPostgres::majorVersion));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (found.isEmpty()) {
      found =
          Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
              .filter(entry -> !entry.isBlank())
              .map(Paths::get)
              .filter(LocalPostgres::hasBinaries)
              .findFirst();
    }
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        "PostgreSQL tests need initdb and pg_ctl (/usr/lib/postgresql/*/bin or on the PATH;"
            + " Debian package postgresql)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + ", and CI=true: they must be installed.");
    }
    Assumptions.abort(message + "; skipped.");
    throw new IllegalStateException("unreachable");
  }

  private static boolean hasBinaries(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
