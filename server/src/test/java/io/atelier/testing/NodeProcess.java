package io.atelier.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node in a process of its own ({@code io.atelier.Main}, configured through the environment as in
 * production), so that a test can kill it with SIGKILL. Its output goes to a file under {@code
 * target/} for diagnosis; a JVM shutdown hook kills it if the test does not.
 */
public final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final Thread killer;

  private NodeProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.killer = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts {@code java io.atelier.Main} with this JVM's class path and Hazelcast's JVM flags.
   *
   * @param environment the node's {@code PORT} and {@code ATELIER_*} settings; inherited {@code
   *     ATELIER_*} variables are dropped
   */
  public static NodeProcess start(
      String name, int port, Map<String, String> environment, Path logs) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(hazelcastJvmFlags());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", // Four JVMs share two cores: a cheaper JIT starts faster.
            "-Djava.net.preferIPv4Stack=true",
            "-Dhazelcast.phone.home.enabled=false",
            "-Dhazelcast.socket.bind.any=false",
            "-cp",
            System.getProperty("java.class.path"),
            "io.atelier.Main"));
    try {
      Files.createDirectories(logs);
      Path log = logs.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(variable -> variable.startsWith("ATELIER_"));
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().putAll(environment);
      return new NodeProcess(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The member count of {@code GET /ready}; 0 while not ready, not listening or dead. */
  public int readyMembers() {
    if (!process.isAlive()) {
      return 0;
    }
    try {
      HttpResponse<String> ready =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return ready.statusCode() == 200 ? new JsonObject(ready.body()).getInteger("members") : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** SIGKILL: no shutdown hook runs, sockets are not closed by the node, nothing is flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The last lines of the node's output, for failure messages. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return name
          + ":\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return name + ": no log (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs anyway and kills a dead process: harmless.
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The flags Hazelcast asks for on JDK 17+: from the build ({@code atelier.jvm.flags}, set by
   * Surefire from the pom's {@code hazelcast.jvm.flags}), else those this JVM was started with.
   */
  private static List<String> hazelcastJvmFlags() {
    String fromBuild = System.getProperty("atelier.jvm.flags", "").strip();
    if (!fromBuild.isEmpty()) {
      return Arrays.asList(fromBuild.split("\\s+"));
    }
    List<String> flags = new ArrayList<>();
    List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String argument : own) {
      if (argument.startsWith("--add-")) {
        flags.add(argument);
      }
    }
    return flags;
  }
}
