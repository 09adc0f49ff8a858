package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CanvasLocked;
import io.atelier.protocol.ServerMessage.ClusterChanged;
import io.atelier.protocol.ServerMessage.ClusterMoved;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.NoteUpdated;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireFacilitation.WireCluster;
import io.atelier.protocol.WireFacilitation.WirePosition;
import io.atelier.protocol.WireNote;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks (LK1 to LK3) and clusters (CL1 to CL6) over real sockets: who may do what, and a restart.
 */
class LocksAndClustersSocketTest {
  @TempDir Path dataDir;

  private static TestClient facilitator(RunningServer server, String id, String key) {
    return server
        .connect()
        .send(new ClientMessage.Hello(ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
  }

  private static String refusal(TestClient client, String changeId) {
    return client.await(Error.class, e -> changeId.equals(e.changeId())).code();
  }

  private static void acked(TestClient client, String changeId) {
    client.await(Ack.class, ack -> changeId.equals(ack.changeId()));
  }

  private static ClientMessage.CreateNote note(String changeId, String noteId, double x) {
    return new ClientMessage.CreateNote(
        changeId, noteId, "main", x, 0.0, 200.0, 140.0, "Note " + noteId, "yellow");
  }

  private static ClientMessage.UpdateNote move(String changeId, String noteId, double x) {
    return new ClientMessage.UpdateNote(
        changeId, noteId, new NoteProperties(x, 10.0, null, null, null, null, null));
  }

  /** Every note change a participant can send, about {@code noteId}, with ids from {@code p}. */
  private static List<ClientMessage> everyNoteChange(String p, String noteId) {
    return List.of(
        note(p + "-create", "n-" + p, 900),
        move(p + "-move", noteId, 40),
        new ClientMessage.UpdateNote(
            p + "-text", noteId, new NoteProperties(null, null, null, null, "x", null, null)),
        new ClientMessage.BringNoteToFront(p + "-front", noteId),
        new ClientMessage.DeleteNote(p + "-delete", noteId));
  }

  @Test
  @DisplayName(
      "LK1 LK2 FA1 a participant is refused with locked on every note change of a locked canvas"
          + " or note, and with not_facilitator when locking")
  void locks() {
    try (RunningServer server = new RunningServer()) {
      var created = server.createWorkshop("Verrous", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.await(Welcome.class);
      TestClient ana = server.join(id, "Ana");
      ana.await(Welcome.class);
      host.send(note("h-1", "n-1", 0)).send(note("h-2", "n-2", 300));
      acked(host, "h-2");

      ana.send(new ClientMessage.LockCanvas("a-1", "main", true));
      ana.send(new ClientMessage.LockNote("a-2", "n-1", true));
      assertThat(refusal(ana, "a-1")).isEqualTo("not_facilitator");
      assertThat(refusal(ana, "a-2")).isEqualTo("not_facilitator");

      host.send(new ClientMessage.LockCanvas("h-3", "main", true));
      assertThat(ana.await(CanvasLocked.class).locked()).isTrue();
      List<ClientMessage> refused = everyNoteChange("a3", "n-1");
      refused.forEach(ana::send);
      for (ClientMessage change : refused) {
        String changeId = ((ClientMessage.ChangeMessage) change).toChange().changeId();
        assertThat(refusal(ana, changeId)).as(changeId).isEqualTo("locked");
      }
      host.send(move("h-4", "n-1", 50));
      assertThat(ana.await(NoteUpdated.class, e -> "h-4".equals(e.changeId())).set().x())
          .isEqualTo(50);

      host.send(new ClientMessage.LockCanvas("h-5", "main", false));
      host.send(new ClientMessage.LockNote("h-6", "n-1", true));
      assertThat(ana.await(NoteUpdated.class, e -> "h-6".equals(e.changeId())).set())
          .isEqualTo(new NoteProperties(null, null, null, null, null, null, null, true));
      List<ClientMessage> onLockedNote = everyNoteChange("a4", "n-1").subList(1, 5);
      onLockedNote.forEach(ana::send);
      for (ClientMessage change : onLockedNote) {
        String changeId = ((ClientMessage.ChangeMessage) change).toChange().changeId();
        assertThat(refusal(ana, changeId)).as(changeId).isEqualTo("locked");
      }
      ana.send(move("a-5", "n-2", 320));
      acked(ana, "a-5");

      host.send(new ClientMessage.LockCanvas("h-7", "main", true));
      host.send(new ClientMessage.DeleteCanvas("h-8", "main"));
      assertThat(refusal(host, "h-8")).as("LK3").isEqualTo("locked");

      Snapshot late = server.join(id, "Ben").await(Snapshot.class);
      assertThat(late.canvases().get(0).locked()).isTrue();
      assertThat(late.notes())
          .extracting(WireNote::id, WireNote::locked)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("n-1", true),
              org.assertj.core.groups.Tuple.tuple("n-2", false));
    }
  }

  @Test
  @DisplayName(
      "CL1 CL5 FA1 the facilitator groups three notes and moves them in one event;"
          + " a participant may not")
  void clusters() {
    try (RunningServer server = new RunningServer()) {
      var created = server.createWorkshop("Regroupements", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.await(Welcome.class);
      TestClient ana = server.join(id, "Ana");
      ana.await(Welcome.class);
      host.send(note("h-1", "n-1", 0)).send(note("h-2", "n-2", 300)).send(note("h-3", "n-3", 600));
      acked(host, "h-3");

      List<ClientMessage> steering =
          List.of(
              new ClientMessage.CreateCluster("a-1", "k-a", "main", "Le mien", List.of("n-1")),
              new ClientMessage.RenameCluster("a-2", "k-1", "X"),
              new ClientMessage.AddToCluster("a-3", "k-1", List.of("n-1")),
              new ClientMessage.RemoveFromCluster("a-4", "k-1", List.of("n-1")),
              new ClientMessage.DissolveCluster("a-5", "k-1"),
              new ClientMessage.MoveCluster("a-6", "k-1", 10.0, 10.0));
      steering.forEach(ana::send);
      for (int i = 1; i <= steering.size(); i++) {
        assertThat(refusal(ana, "a-" + i)).isEqualTo("not_facilitator");
      }

      host.send(
          new ClientMessage.CreateCluster(
              "h-4", "k-1", "main", "Ce qui nous relie", List.of("n-1", "n-2", "n-3")));
      WireCluster cluster = ana.await(ClusterChanged.class).cluster();
      assertThat(cluster)
          .isEqualTo(
              new WireCluster("k-1", "main", "Ce qui nous relie", List.of("n-1", "n-2", "n-3")));
      host.send(new ClientMessage.MoveCluster("h-5", "k-1", 100.0, -50.0));
      ClusterMoved moved = ana.await(ClusterMoved.class);
      assertThat(moved.positions())
          .containsExactly(
              new WirePosition("n-1", 100, -50),
              new WirePosition("n-2", 400, -50),
              new WirePosition("n-3", 700, -50));
      assertThat(ana.all(NoteUpdated.class)).as("one event, not one per note").isEmpty();

      ana.send(move("a-7", "n-2", 410)); // a participant still moves one note of a cluster
      acked(ana, "a-7");
      Snapshot late = server.join(id, "Ben").await(Snapshot.class);
      assertThat(late.clusters()).containsExactly(cluster);
      assertThat(late.notes()).extracting(WireNote::x).containsExactly(100.0, 410.0, 700.0);
    }
  }

  @Test
  @DisplayName(
      "CL6 PW1 on a canvas in private writing every cluster change is refused with"
          + " private_canvas and no cluster event reaches anyone; revealed, clusters change again")
  void privateCanvas() {
    try (RunningServer server = new RunningServer()) {
      var created = server.createWorkshop("Privé", "fr");
      String id = created.getString("id");
      TestClient host = server.facilitate(created);
      TestClient ana = server.join(id, "Ana");
      ana.await(Welcome.class);
      host.send(note("h-1", "n-1", 0)).send(note("h-2", "n-2", 300));
      host.send(new ClientMessage.CreateCluster("h-3", "k-1", "main", "Liens", List.of("n-1")));
      acked(host, "h-3");
      ana.send(note("a-1", "n-a", 600));
      acked(ana, "a-1");
      host.send(new ClientMessage.SetCanvasPrivacy("h-4", "main", true, false));
      acked(host, "h-4");

      List<ClientMessage> grouping =
          List.of(
              new ClientMessage.CreateCluster("h-5", "k-2", "main", "Cachée", List.of("n-a")),
              new ClientMessage.AddToCluster("h-6", "k-1", List.of("n-2")),
              new ClientMessage.RenameCluster("h-7", "k-1", "Autre"),
              new ClientMessage.MoveCluster("h-8", "k-1", 10.0, 10.0),
              new ClientMessage.DissolveCluster("h-9", "k-1"));
      grouping.forEach(host::send);
      for (int i = 5; i <= 9; i++) {
        assertThat(refusal(host, "h-" + i)).as("h-" + i).isEqualTo("private_canvas");
      }
      host.send(new ClientMessage.SetCanvasPrivacy("h-10", "main", false, false));
      host.send(new ClientMessage.AddToCluster("h-11", "k-1", List.of("n-a")));
      WireCluster grown =
          ana.await(ClusterChanged.class, c -> "h-11".equals(c.changeId())).cluster();
      assertThat(grown.noteIds()).containsExactly("n-1", "n-a");
      assertThat(ana.all(ClusterChanged.class))
          .as("the first cluster, then nothing until the reveal")
          .extracting(ClusterChanged::changeId)
          .containsExactly("h-3", "h-11");
      assertThat(ana.all(ClusterMoved.class)).isEmpty();
    }
  }

  @Test
  @DisplayName("LK1 LK2 CL1 CL5 locks, clusters and moved notes survive a full restart")
  void survivesRestart() {
    AtelierConfig config = AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir));
    String id;
    Snapshot before;
    try (RunningServer server = new RunningServer(config)) {
      var created = server.createWorkshop("Avant", "fr");
      id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.send(note("h-1", "n-1", 0)).send(note("h-2", "n-2", 300));
      host.send(new ClientMessage.CreateCluster("h-3", "k-1", "main", "Liens", List.of("n-1")));
      host.send(new ClientMessage.AddToCluster("h-4", "k-1", List.of("n-2")));
      host.send(new ClientMessage.MoveCluster("h-5", "k-1", 20.0, 30.0));
      host.send(new ClientMessage.LockNote("h-6", "n-2", true));
      host.send(new ClientMessage.LockCanvas("h-7", "main", true));
      host.send(new ClientMessage.DeleteNote("h-8", "n-1"));
      acked(host, "h-8");
      before = server.join(id, "Témoin").await(Snapshot.class);
      assertThat(before.clusters())
          .extracting(WireCluster::noteIds)
          .containsExactly(List.of("n-2"));
    }
    try (RunningServer restarted = new RunningServer(config)) {
      Snapshot after = restarted.join(id, "Après").await(Snapshot.class);
      assertThat(after.canvases()).isEqualTo(before.canvases());
      assertThat(after.notes()).isEqualTo(before.notes());
      assertThat(after.clusters()).isEqualTo(before.clusters());
      assertThat(after.notes().get(0).x()).isEqualTo(320);
    }
  }
}
