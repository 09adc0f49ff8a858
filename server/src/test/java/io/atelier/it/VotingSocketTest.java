package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.DotPlaced;
import io.atelier.protocol.ServerMessage.DotRemoved;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.Hidden;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.VoteClosed;
import io.atelier.protocol.ServerMessage.VoteOpened;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireVote;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dot voting read off the wire (DV1 to DV4): before a secret vote closes, no frame sent to anyone
 * but the voter says where the voter's dots are, live, in a catch-up or in a snapshot; closing
 * sends everyone the same ranking.
 */
class VotingSocketTest {
  private static ClientMessage note(String changeId, String noteId, double cx, double cy) {
    return new ClientMessage.CreateNote(
        changeId, noteId, "main", cx - 100, cy - 70, 200.0, 140.0, noteId, "yellow");
  }

  private static void acked(TestClient client, String changeId) {
    client.await(Ack.class, a -> changeId.equals(a.changeId()));
  }

  private static String refusal(TestClient client, String changeId) {
    return client.await(Error.class, e -> changeId.equals(e.changeId())).code();
  }

  private static TestClient facilitator(RunningServer server, JsonObject created) {
    TestClient host =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION,
                    created.getString("id"),
                    null,
                    "Anim",
                    null,
                    created.getString("facilitatorKey")));
    host.await(Synced.class);
    return host;
  }

  /** Every frame that could say where Ana put a dot: dot events and snapshots' dots. */
  private static List<String> anaDotTraces(TestClient reader, String anaId) {
    List<String> traces = new java.util.ArrayList<>();
    reader.all(DotPlaced.class).stream()
        .filter(e -> anaId.equals(e.participantId()))
        .forEach(e -> traces.add(e.toString()));
    reader.all(DotRemoved.class).stream()
        .filter(e -> anaId.equals(e.participantId()))
        .forEach(e -> traces.add(e.toString()));
    for (Snapshot snapshot : reader.all(Snapshot.class)) {
      for (WireVote vote : snapshot.votes()) {
        vote.dots().stream()
            .filter(d -> anaId.equals(d.participantId()))
            .forEach(d -> traces.add(d.toString()));
      }
    }
    return traces;
  }

  @Test
  @DisplayName(
      "DV4 before a secret vote closes, no frame to Ben, the facilitator or the projector places"
          + " Ana's dots; closing gives everyone the same ranking")
  void secretVoteOnTheWire() {
    try (RunningServer server = new RunningServer()) {
      JsonObject created = server.createWorkshop("Vote secret", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, created);
      TestClient ana = server.join(id, "Ana");
      Welcome anaWelcome = ana.await(Welcome.class);
      String anaId = anaWelcome.participant().id();
      TestClient ben = server.join(id, "Ben");
      Welcome benWelcome = ben.await(Welcome.class);
      long benStart = ben.await(Synced.class).revision();
      TestClient projector = server.connect().send(ClientMessage.Hello.observer(id, null));
      projector.await(Synced.class);

      host.send(note("h-1", "n-eau", -500, 0)); // community
      host.send(note("h-2", "n-toit", 0, 600)); // resources
      acked(host, "h-2");
      ben.send(new ClientMessage.OpenVote("b-0", "v-1", "main", null, 3, null, true));
      assertThat(refusal(ben, "b-0")).isEqualTo("not_facilitator");
      host.send(new ClientMessage.OpenVote("h-3", "v-1", "main", null, 3, 2, true));
      VoteOpened opened = ben.await(VoteOpened.class, e -> "h-3".equals(e.changeId()));
      assertThat(opened.vote().noteIds()).containsExactly("n-eau", "n-toit");

      ana.send(new ClientMessage.PlaceDot("a-1", "v-1", "n-eau"));
      ana.send(new ClientMessage.PlaceDot("a-2", "v-1", "n-eau"));
      ana.send(new ClientMessage.PlaceDot("a-3", "v-1", "n-eau"));
      assertThat(refusal(ana, "a-3")).isEqualTo("note_limit");
      ana.send(new ClientMessage.PlaceDot("a-4", "v-1", "n-toit"));
      ana.send(new ClientMessage.RemoveDot("a-5", "v-1", "n-toit"));
      long lastAnaDot = ana.await(Ack.class, a -> "a-5".equals(a.changeId())).revision();
      assertThat(ana.await(DotRemoved.class, e -> "a-5".equals(e.changeId())).participantId())
          .isEqualTo(anaId);
      ben.send(new ClientMessage.PlaceDot("b-1", "v-1", "n-toit"));
      acked(ben, "b-1");
      projector.send(new ClientMessage.PlaceDot("o-1", "v-1", "n-toit"));
      assertThat(refusal(projector, "o-1")).isEqualTo("read_only");
      // One publisher's events arrive in order: once Ana's last dot is there, all of them are.
      for (TestClient reader : List.of(ben, host, projector)) {
        Hidden last = reader.await(Hidden.class, h -> h.revision() == lastAnaDot);
        assertThat(last).isEqualTo(new Hidden(lastAnaDot, "main", "vote"));
      }
      assertThat(ben.all(Hidden.class))
          .as("a-1, a-2, a-4 and a-5; a-3 was refused")
          .hasSize(4)
          .allMatch(h -> "main".equals(h.canvasId()) && "vote".equals(h.change()));

      // Reconnects: Ben from a revision (a catch-up) and from nothing (a snapshot).
      TestClient benCatchUp = server.connect().hello(id, benWelcome.token(), null, benStart);
      benCatchUp.await(Synced.class);
      TestClient benReload = server.connect().hello(id, benWelcome.token(), null, null);
      Snapshot benSnapshot = benReload.await(Snapshot.class);
      assertThat(benSnapshot.votes().get(0).dots())
          .containsExactly(new WireVote.WireDots(benWelcome.participant().id(), "n-toit", 1));
      TestClient anaReload = server.connect().hello(id, anaWelcome.token(), null, null);
      assertThat(anaReload.await(Snapshot.class).votes().get(0).dots())
          .containsExactly(new WireVote.WireDots(anaId, "n-eau", 2));
      TestClient projectorReload = server.connect().send(ClientMessage.Hello.observer(id, null));
      assertThat(projectorReload.await(Snapshot.class).votes().get(0).dots()).isEmpty();

      for (TestClient reader :
          List.of(ben, benCatchUp, benReload, host, projector, projectorReload)) {
        assertThat(anaDotTraces(reader, anaId)).as("frames of a reader").isEmpty();
      }
      assertThat(anaDotTraces(ana, anaId)).isNotEmpty();

      host.send(new ClientMessage.CloseVote("h-4", "v-1"));
      for (TestClient reader : List.of(host, ana, ben, projector)) {
        VoteClosed closed = reader.await(VoteClosed.class, e -> "h-4".equals(e.changeId()));
        assertThat(closed.results())
            .containsExactly(
                new WireVote.WireResult("n-eau", 2, 1, 1),
                new WireVote.WireResult("n-toit", 1, 1, 2));
      }
      ana.send(new ClientMessage.PlaceDot("a-6", "v-1", "n-toit"));
      assertThat(refusal(ana, "a-6")).isEqualTo("no_vote");
      TestClient late = server.join(id, "Chloé");
      WireVote seen = late.await(Snapshot.class).votes().get(0);
      assertThat(seen.results()).hasSize(2);
      assertThat(seen.dots()).isEmpty();
      List.of(host, ana, ben, projector, benCatchUp, benReload, anaReload, projectorReload, late)
          .forEach(TestClient::close);
    }
  }

  @Test
  @DisplayName(
      "DV1 the server takes a pillar's notes from the canvas template's zone; a public vote's dots"
          + " reach everyone live")
  void pillarVoteIsPublicLive() {
    try (RunningServer server = new RunningServer()) {
      JsonObject created = server.createWorkshop("Vote public", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, created);
      TestClient ana = server.join(id, "Ana");
      String anaId = ana.await(Welcome.class).participant().id();
      TestClient ben = server.join(id, "Ben");
      ben.await(Synced.class);

      host.send(note("h-1", "n-communaute", -500, 0));
      host.send(note("h-2", "n-valeurs", 0, 0)); // the values centre, inside community
      host.send(note("h-3", "n-ressources", 0, 600));
      host.send(new ClientMessage.OpenVote("h-4", "v-1", "main", "community", 2, null, false));
      VoteOpened opened = ben.await(VoteOpened.class, e -> "h-4".equals(e.changeId()));
      assertThat(opened.vote().noteIds()).containsExactly("n-communaute");
      assertThat(opened.vote().pillar()).isEqualTo("community");

      ana.send(new ClientMessage.PlaceDot("a-1", "v-1", "n-ressources"));
      assertThat(refusal(ana, "a-1")).isEqualTo("not_in_vote");
      ana.send(new ClientMessage.PlaceDot("a-2", "v-1", "n-communaute"));
      DotPlaced live = ben.await(DotPlaced.class, e -> "a-2".equals(e.changeId()));
      assertThat(live.participantId()).isEqualTo(anaId);
      assertThat(live.noteId()).isEqualTo("n-communaute");
      List.of(host, ana, ben).forEach(TestClient::close);
    }
  }
}
