package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.FacilitatorView;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.Summoned;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireView;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Follow and summon over real sockets (FS1, FS2): volatile messages that only a facilitator's
 * socket may send, relayed to the other screens of the workshop, never stored nor acknowledged.
 */
class FollowSocketTest {
  private static final WireView HERE = new WireView(-640.0, -360.0, 1280.0, 720.0);
  private static RunningServer server;

  private final List<TestClient> clients = new ArrayList<>();
  private String id;
  private String key;
  private TestClient host;
  private String hostId;
  private TestClient ana;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void workshopWithFacilitatorAndAna() {
    JsonObject created = server.createWorkshop("Rassembler", "fr");
    id = created.getString("id");
    key = created.getString("facilitatorKey");
    host = facilitator(null);
    hostId = host.await(Welcome.class).participant().id();
    host.await(Synced.class);
    ana = track(server.join(id, "Ana"));
  }

  @AfterEach
  void closeClients() {
    clients.forEach(TestClient::close);
  }

  private TestClient facilitator(String token) {
    return track(
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION, id, token, "Anim", null, key)));
  }

  private TestClient track(TestClient client) {
    clients.add(client);
    return client;
  }

  /**
   * A note from {@code author}: once {@code reader} has its event, whatever the author's socket
   * sent before it has been relayed too (one node publishes a socket's messages in order).
   */
  private void fence(TestClient author, TestClient reader, String changeId) {
    author.send(
        new ClientMessage.CreateNote(
            changeId, "n-" + changeId, 0.0, 0.0, 200.0, 140.0, "repère", "yellow"));
    reader.await(NoteCreated.class, e -> changeId.equals(e.changeId()));
  }

  private static ClientMessage.ShareView view(double x) {
    return new ClientMessage.ShareView("main", new WireView(x, 0.0, 1280.0, 720.0));
  }

  @Test
  @DisplayName(
      "FS1 FS2 a participant's summon or shared view is refused not_facilitator and moves nobody")
  void participantIsRefused() {
    TestClient ben = track(server.join(id, "Ben"));
    ana.send(new ClientMessage.Summon("main", HERE));
    Error refused = ana.await(Error.class);
    assertThat(refused.code()).isEqualTo("not_facilitator");
    assertThat(refused.changeId()).isNull();
    ana.send(view(10));
    ana.await(Error.class, e -> e != refused && "not_facilitator".equals(e.code()));

    host.send(new ClientMessage.Summon("c-groupe-1", HERE));
    Summoned summoned = ben.await(Summoned.class);
    fence(host, ben, "h-fence");
    assertThat(ben.all(Summoned.class)).containsExactly(summoned);
    assertThat(summoned.participantId()).as("only the facilitator's").isEqualTo(hostId);
    assertThat(ben.all(FacilitatorView.class)).isEmpty();
    assertThat(ana.all(Ack.class)).isEmpty();
  }

  @Test
  @DisplayName(
      "FS1 a facilitator's summon reaches every other socket of the workshop, observers and its"
          + " own other tabs included, but not the socket that sent it; nothing is acknowledged")
  void summonReachesEveryOtherScreen() {
    String token = host.await(Welcome.class).token();
    TestClient hostsOtherTab = facilitator(token);
    hostsOtherTab.await(Synced.class);
    TestClient projector = track(server.connect().send(ClientMessage.Hello.observer(id, null)));
    projector.await(Synced.class);
    TestClient elsewhere =
        track(server.join(server.createWorkshop("Autre", "fr").getString("id"), "Zoé"));

    host.send(new ClientMessage.Summon("c-groupe-2", HERE));
    for (TestClient screen : List.of(ana, hostsOtherTab, projector)) {
      Summoned summoned = screen.await(Summoned.class);
      assertThat(summoned.participantId()).isEqualTo(hostId);
      assertThat(summoned.canvasId()).isEqualTo("c-groupe-2");
      assertThat(summoned.view()).isEqualTo(HERE);
    }
    fence(host, host, "h-fence");
    fence(elsewhere, elsewhere, "z-fence"); // published after the summon was delivered
    assertThat(host.all(Summoned.class)).as("not back to the sending socket").isEmpty();
    assertThat(elsewhere.all(Summoned.class)).as("another workshop").isEmpty();
    assertThat(host.all(Ack.class)).extracting(Ack::changeId).containsExactly("h-fence");
  }

  @Test
  @DisplayName(
      "FS2 a shared view reaches the participants as facilitator_view, at most about ten a second,"
          + " never its sender nor an observer")
  void sharedViewIsThrottled() {
    TestClient projector = track(server.connect().send(ClientMessage.Hello.observer(id, null)));
    projector.await(Synced.class);

    for (int i = 0; i < 10; i++) {
      host.send(view(i)); // a burst: the server keeps the first of every 80 ms
    }
    FacilitatorView first = ana.await(FacilitatorView.class);
    assertThat(first.participantId()).isEqualTo(hostId);
    assertThat(first.canvasId()).isEqualTo("main");
    assertThat(first.view()).isEqualTo(new WireView(0.0, 0.0, 1280.0, 720.0));
    fence(host, ana, "h-fence");
    fence(host, projector, "h-fence-2");
    fence(host, host, "h-fence-3");
    assertThat(ana.all(FacilitatorView.class)).hasSizeLessThanOrEqualTo(2);
    assertThat(host.all(FacilitatorView.class)).as("not echoed").isEmpty();
    assertThat(projector.all(FacilitatorView.class)).as("an observer draws no board").isEmpty();

    // Once the interval has passed, the next view goes through: the latest place always arrives.
    for (int tries = 0; ana.find(FacilitatorView.class, v -> v.view().x() == 500).isEmpty(); ) {
      assertThat(tries++).as("the view at x 500 arrives within a few intervals").isLessThan(40);
      host.send(view(500));
      try {
        ana.await(FacilitatorView.class, v -> v.view().x() == 500, Duration.ofMillis(50));
      } catch (AssertionError notYet) {
        // still within the interval of the previous view: send it again
      }
    }
  }

  @Test
  @DisplayName("FS1 ER1 a summon without a view, or an empty rectangle, is bad_message")
  void malformedViewsAreRefused() {
    host.sendRaw("{\"type\":\"summon\",\"canvasId\":\"main\"}");
    assertThat(host.await(Error.class).message()).contains("view");
    host.sendRaw(
        "{\"type\":\"share_view\",\"canvasId\":\"main\",\"view\":{\"x\":0,\"y\":0,\"width\":0,"
            + "\"height\":720}}");
    assertThat(host.await(Error.class, e -> e.message().contains("view.width")).code())
        .isEqualTo("bad_message");
    fence(host, ana, "h-fence");
    assertThat(ana.all(Summoned.class)).isEmpty();
    assertThat(ana.all(FacilitatorView.class)).isEmpty();
  }
}
