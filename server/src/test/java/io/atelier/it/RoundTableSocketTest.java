package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.RoundTableChanged;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireFacilitation.WireRoundTable;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round table over real sockets: who may do what (RT6, FA1), and a restart (RT8). */
class RoundTableSocketTest {
  @TempDir Path dataDir;

  private static TestClient facilitator(RunningServer server, String id, String key) {
    return server
        .connect()
        .send(new ClientMessage.Hello(ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
  }

  private static String refusal(TestClient client, String changeId) {
    return client.await(Error.class, e -> changeId.equals(e.changeId())).code();
  }

  private static WireRoundTable confirmed(TestClient client, String changeId) {
    return client.await(RoundTableChanged.class, e -> changeId.equals(e.changeId())).roundTable();
  }

  @Test
  @DisplayName("RT6 FA1 a participant may raise a hand and pass their own turn, nothing else")
  void authorisation() {
    try (RunningServer server = new RunningServer()) {
      var created = server.createWorkshop("Tour", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.await(Welcome.class);
      TestClient ana = server.join(id, "Ana");
      String anaId = ana.await(Welcome.class).participant().id();
      TestClient bo = server.join(id, "Bo");
      String boId = bo.await(Welcome.class).participant().id();

      ana.send(new ClientMessage.SetSpeakingOrder("a-1", List.of(anaId)));
      assertThat(refusal(ana, "a-1")).isEqualTo("not_facilitator");
      host.send(new ClientMessage.StartRound("h-0"));
      assertThat(refusal(host, "h-0")).isEqualTo("empty_order");

      host.send(new ClientMessage.SetSpeakingOrder("h-1", List.of(anaId)));
      bo.send(new ClientMessage.RaiseHand("b-1"));
      assertThat(confirmed(ana, "b-1").hands()).containsExactly(boId);
      bo.send(new ClientMessage.AnswerHand("b-2", boId, true));
      assertThat(refusal(bo, "b-2")).isEqualTo("not_facilitator");
      host.send(new ClientMessage.AnswerHand("h-2", boId, true));
      assertThat(confirmed(bo, "h-2").order()).containsExactly(anaId, boId);

      long before = System.currentTimeMillis();
      host.send(new ClientMessage.StartRound("h-3"));
      var started = confirmed(bo, "h-3");
      assertThat(started.current().participantId()).isEqualTo(anaId);
      assertThat(started.current().deadline()).isGreaterThanOrEqualTo(before + 120_000);
      assertThat(confirmed(host, "h-3")).isEqualTo(started);

      ana.send(new ClientMessage.NextTurn("a-2"));
      assertThat(refusal(ana, "a-2")).isEqualTo("not_facilitator");
      bo.send(new ClientMessage.PassTurn("b-3"));
      assertThat(refusal(bo, "b-3")).isEqualTo("not_the_speaker");
      bo.send(new ClientMessage.EndTurn("b-4"));
      assertThat(refusal(bo, "b-4")).isEqualTo("not_the_speaker");

      ana.send(new ClientMessage.PassTurn("a-3"));
      var passed = confirmed(bo, "a-3");
      assertThat(passed.current().participantId()).isEqualTo(boId);
      assertThat(passed.passed()).containsExactly(anaId);
      bo.send(new ClientMessage.EndTurn("b-5"));
      var offered = confirmed(host, "b-5");
      assertThat(offered.current().participantId()).isEqualTo(anaId);
      assertThat(offered.current().secondChance()).isTrue();
      host.send(new ClientMessage.EndRound("h-4"));
      var over = confirmed(ana, "h-4");
      assertThat(over.current()).isNull();
      assertThat(over.turns()).hasSize(3);
      host.send(new ClientMessage.PauseRound("h-5"));
      assertThat(refusal(host, "h-5")).isEqualTo("no_round");
    }
  }

  @Test
  @DisplayName("RT8 a paused round survives a full restart, and a reload gets it in the snapshot")
  void survivesRestart() {
    AtelierConfig config = AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir));
    String id;
    Snapshot before;
    try (RunningServer server = new RunningServer(config)) {
      var created = server.createWorkshop("Avant", "fr");
      id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      String hostId = host.await(Welcome.class).participant().id();
      host.send(new ClientMessage.SetSpeakingOrder("h-1", List.of(hostId)));
      host.send(new ClientMessage.ConfigureRound("h-2", 60, 10));
      host.send(new ClientMessage.StartRound("h-3"));
      host.send(new ClientMessage.AddTurnTime("h-4", 30));
      host.send(new ClientMessage.PauseRound("h-5"));
      host.await(Ack.class, ack -> ack.changeId().equals("h-5"));
      before = server.join(id, "Witness").await(Snapshot.class);
      assertThat(before.roundTable().current().remainingMs()).isBetween(80_000L, 90_000L);
    }
    try (RunningServer restarted = new RunningServer(config)) {
      Snapshot after = restarted.join(id, "After").await(Snapshot.class);
      assertThat(after.roundTable()).isEqualTo(before.roundTable());
      assertThat(after.roundTable().turnMs()).isEqualTo(60_000);
    }
  }
}
