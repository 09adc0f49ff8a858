package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.AgendaSet;
import io.atelier.protocol.ServerMessage.CanvasCreated;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.ProgressChanged;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.TimerChanged;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireFacilitation.WireStep;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canvases, the agenda and the timer over real sockets (CV, AG, TM, FA1). */
class FacilitationSocketTest {
  @TempDir Path dataDir;

  private static final List<WireStep> AGENDA =
      List.of(
          new WireStep(
              "s-1",
              "text",
              "Reconnaissance territoriale",
              "Nous **reconnaissons**…",
              5,
              null,
              null),
          new WireStep("s-2", "canvas", "Notre plateforme", "", 50, "msc", 10));

  private static TestClient facilitator(RunningServer server, String id, String key) {
    return server
        .connect()
        .send(new ClientMessage.Hello(ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
  }

  @Test
  @DisplayName("FA1 CV1 AG2 TM1 only the facilitator steers; every socket gets the same facts")
  void facilitatorSteers() {
    try (RunningServer server = new RunningServer()) {
      var created = server.createWorkshop("Animation", "fr");
      String id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.await(Welcome.class);
      TestClient ana = server.join(id, "Ana");
      String anaId = ana.await(Welcome.class).participant().id();

      ana.send(new ClientMessage.CreateCanvas("a-1", "c-a", "blank", "Le mien"));
      assertThat(ana.await(Error.class, e -> "a-1".equals(e.changeId())).code())
          .isEqualTo("not_facilitator");

      host.send(new ClientMessage.CreateCanvas("h-1", "c-a", "analyse-platform", "Groupe A"));
      host.send(new ClientMessage.AssignGroup("h-2", anaId, "c-a"));
      host.send(new ClientMessage.SetAgenda("h-3", AGENDA));
      host.send(new ClientMessage.GoToStep("h-4", "s-2"));
      long before = System.currentTimeMillis();
      host.send(new ClientMessage.CommandTimer("h-5", "start", 600L));
      host.await(Ack.class, ack -> ack.changeId().equals("h-5"));
      long after = System.currentTimeMillis();

      assertThat(ana.await(CanvasCreated.class).canvas().template()).isEqualTo("analyse-platform");
      assertThat(ana.await(AgendaSet.class).steps()).isEqualTo(AGENDA);
      var progress = ana.await(ProgressChanged.class).progress();
      assertThat(progress.currentStepId()).isEqualTo("s-2");
      assertThat(progress.agendaStartedAt()).isEqualTo(progress.stepStartedAt());
      var timer = ana.await(TimerChanged.class).timer();
      assertThat(timer.status()).isEqualTo("running");
      assertThat(timer.deadline()).isBetween(before + 600_000, after + 600_000);
      assertThat(host.await(TimerChanged.class).timer()).isEqualTo(timer);

      ana.send(
          new ClientMessage.CreateNote(
              "a-2", "n-1", "c-a", 0.0, 0.0, 200.0, 140.0, "Ce qui m’inspire", "green"));
      assertThat(host.await(NoteCreated.class).note().canvasId()).isEqualTo("c-a");
      ana.send(new ClientMessage.SetRole("a-3", "sharing", "Je documente"));
      ana.await(Ack.class, ack -> ack.changeId().equals("a-3"));

      Snapshot late = server.join(id, "Ben").await(Snapshot.class);
      assertThat(late.canvases()).extracting(c -> c.id()).containsExactly("main", "c-a");
      assertThat(late.groups()).containsEntry(anaId, "c-a");
      assertThat(late.roles())
          .extracting(r -> r.pillar() + ":" + r.role())
          .containsExactly("sharing:Je documente");
      assertThat(late.agenda()).isEqualTo(AGENDA);
      assertThat(late.progress()).isEqualTo(progress);
      assertThat(late.timer()).isEqualTo(timer);
    }
  }

  @Test
  @DisplayName("TM1 AG1 the arrangement and a paused timer survive a full restart")
  void survivesRestart() {
    AtelierConfig config = AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir));
    String id;
    Snapshot before;
    try (RunningServer server = new RunningServer(config)) {
      var created = server.createWorkshop("Avant", "en");
      id = created.getString("id");
      TestClient host = facilitator(server, id, created.getString("facilitatorKey"));
      host.send(new ClientMessage.SetAgenda("h-1", AGENDA));
      host.send(new ClientMessage.GoToStep("h-2", "s-1"));
      host.send(new ClientMessage.CreateCanvas("h-3", "c-b", "blank", "Group B"));
      host.send(new ClientMessage.RenameCanvas("h-4", "main", "Plenary"));
      host.send(new ClientMessage.CommandTimer("h-5", "start", 300L));
      host.send(new ClientMessage.CommandTimer("h-6", "pause", null));
      host.send(new ClientMessage.FocusPillar("h-7", "resources"));
      host.await(Ack.class, ack -> ack.changeId().equals("h-7"));
      before = server.join(id, "Witness").await(Snapshot.class);
      assertThat(before.timer().status()).isEqualTo("paused");
    }
    try (RunningServer restarted = new RunningServer(config)) {
      Snapshot after = restarted.join(id, "After").await(Snapshot.class);
      assertThat(after.canvases()).isEqualTo(before.canvases());
      assertThat(after.canvases().get(0).name()).isEqualTo("Plenary");
      assertThat(after.agenda()).isEqualTo(before.agenda());
      assertThat(after.progress()).isEqualTo(before.progress());
      assertThat(after.timer()).isEqualTo(before.timer());
    }
  }
}
