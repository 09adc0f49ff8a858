package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 7 point 3: facilitator keys, participant tokens and passcodes never reach a log line, and
 * never reach a person who should not have them. Every log line of the node is captured at DEBUG
 * (with its exception and stack trace) through a whole life of a workshop, refusals included.
 */
class SecretsTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final List<Logger> raised = new ArrayList<>();
  private RunningServer server;

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
    for (String name : List.of("io.atelier", "io.vertx")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      logger.setLevel(Level.DEBUG);
      raised.add(logger);
    }
    server = new RunningServer();
  }

  @AfterEach
  void stop() {
    server.close();
    raised.forEach(logger -> logger.setLevel(null));
    root.detachAppender(logs);
  }

  @Test
  @DisplayName("keys, tokens and passcodes appear in no log line and reach no one but their owner")
  void secretsStayWithTheirOwners() {
    JsonObject created = server.createWorkshop("Secrets", "fr");
    String id = created.getString("id");
    String key = created.getString("facilitatorKey");
    TestClient host = server.facilitate(created);
    TestClient ana = server.join(id, "Ana");
    String anaToken = ana.await(Welcome.class).token();
    TestClient ben = server.join(id, "Ben");
    Welcome benWelcome = ben.await(Welcome.class);
    String benToken = benWelcome.token();
    String hostToken = host.await(Welcome.class).token();

    String passcode = "érable-secret-2026";
    host.send(new ClientMessage.SetPasscode("h-1", passcode));
    ana.await(ServerMessage.PasscodeChanged.class);
    // Refusals are where secrets leak into logs: a wrong passcode, a wrong key, a dead token.
    TestClient wrongCode =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION,
                    id,
                    null,
                    "Intrus",
                    null,
                    null,
                    false,
                    "mauvais-code-secret"));
    wrongCode.awaitClose();
    TestClient withPasscode =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION,
                    id,
                    null,
                    "Chloé",
                    null,
                    null,
                    false,
                    passcode));
    withPasscode.await(ServerMessage.Synced.class);
    String forgedKey = "forged-facilitator-key-000000";
    TestClient forger =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION,
                    id,
                    null,
                    "Faussaire",
                    null,
                    forgedKey,
                    false,
                    passcode));
    forger.await(ServerMessage.Synced.class);
    host.send(new ClientMessage.RemoveParticipant("h-2", benWelcome.participant().id()));
    ben.awaitClose();
    TestClient benBack = server.connect().hello(id, benToken, null, null);
    benBack.awaitClose();
    // A frame that is not JSON, holding a token: the error names the problem, not the frame.
    ana.sendRaw("{\"type\":\"create_note\",\"text\":\"" + anaToken);
    ana.await(ServerMessage.Error.class);
    TestClient garbage = server.connect().sendRaw("{\"type\":\"hello\",\"token\":" + benToken);
    garbage.awaitClose();
    server.get("/api/workshops/" + id + "/participants", "Bearer " + key);
    server.get("/api/workshops/" + id + "/participants", "Bearer " + forgedKey);
    String export =
        server.get("/api/workshops/" + id + "/export?format=json", "Bearer " + key).body();

    List<String> secrets =
        List.of(key, anaToken, benToken, hostToken, passcode, "mauvais-code-secret", forgedKey);
    String logText = logText();
    assertThat(logText).as("the capture works: the refusals were logged").isNotBlank();
    assertThat(logText).as("every log line").doesNotContain(secrets);
    assertThat(export).as("the JSON export").doesNotContain(secrets);
    // Each person's wire holds their own token and nothing else secret.
    assertThat(wire(ana).replace("\"token\":\"" + anaToken + "\"", ""))
        .as("Ana's wire but for her welcome")
        .doesNotContain(key, benToken, hostToken, passcode, forgedKey);
    assertThat(wire(withPasscode)).doesNotContain(key, anaToken, benToken, hostToken, passcode);
    assertThat(wire(forger)).doesNotContain(key, anaToken, benToken, hostToken);
    assertThat(wire(host)).doesNotContain(anaToken, benToken, passcode);
    Stream.of(host, ana, withPasscode, forger).forEach(TestClient::close);
  }

  private String logText() {
    List<ILoggingEvent> events;
    synchronized (logs) { // the appender appends under its own lock, from any thread
      events = List.copyOf(logs.list);
    }
    return events.stream()
        .map(
            event -> {
              StringBuilder line = new StringBuilder(event.getFormattedMessage());
              for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                line.append(' ').append(proxy.getMessage());
                for (var frame : proxy.getStackTraceElementProxyArray()) {
                  line.append(' ').append(frame.getSTEAsString());
                }
              }
              return line.toString();
            })
        .collect(Collectors.joining("\n"));
  }

  private static String wire(TestClient client) {
    return String.join("\n", client.frames());
  }
}
