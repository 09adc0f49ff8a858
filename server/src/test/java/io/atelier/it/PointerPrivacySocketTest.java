package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CanvasPrivacyChanged;
import io.atelier.protocol.ServerMessage.CursorMoved;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CU4 read off the wire: a pointer on a canvas in private writing would show where a hidden note is
 * being written, and on an anonymous canvas whose note is whose (its editing mark names the note),
 * so the server relays none from there; pointers on other canvases go on as before (CU1).
 */
class PointerPrivacySocketTest {

  private static void acked(TestClient client, String changeId) {
    client.await(Ack.class, a -> changeId.equals(a.changeId()));
  }

  private static List<String> canvasesOfPointers(TestClient reader, String participantId) {
    return reader.all(CursorMoved.class).stream()
        .filter(c -> participantId.equals(c.participantId()))
        .map(CursorMoved::canvasId)
        .toList();
  }

  @Test
  @DisplayName(
      "CU4 no pointer leaves a canvas in private writing or an anonymous one, for a tab that was"
          + " there or one that opens after; other canvases, and a canvas revealed with names,"
          + " relay them")
  void noPointerFromHiddenCanvases() {
    try (RunningServer server = new RunningServer()) {
      JsonObject created = server.createWorkshop("Pointeurs", "fr");
      String id = created.getString("id");
      TestClient host =
          server
              .connect()
              .send(
                  new ClientMessage.Hello(
                      ProtocolCodec.PROTOCOL_VERSION,
                      id,
                      null,
                      "Anim",
                      null,
                      created.getString("facilitatorKey")));
      host.await(Synced.class);
      TestClient ana = server.join(id, "Ana");
      Welcome anaWelcome = ana.await(Welcome.class);
      String anaId = anaWelcome.participant().id();
      TestClient ben = server.join(id, "Ben");
      String benId = ben.await(Welcome.class).participant().id();
      ben.await(Synced.class);
      host.send(new ClientMessage.CreateCanvas("h-0", "c-libre", "blank", "Libre"));
      acked(host, "h-0");

      // A tab already open follows the event (RoomHub): Ana writes her note in private.
      host.send(new ClientMessage.SetCanvasPrivacy("h-1", "main", true, false));
      acked(host, "h-1");
      ana.await(CanvasPrivacyChanged.class, e -> "h-1".equals(e.changeId()));
      ana.send(
          new ClientMessage.CreateNote(
              "a-1", "n-ana-secrete", "main", 0.0, 0.0, 200.0, 140.0, "Mon idée", "yellow"));
      acked(ana, "a-1");
      ana.send(new ClientMessage.MoveCursor(10.0, 20.0, "n-ana-secrete", "main"));
      ana.send(new ClientMessage.MoveCursor(30.0, 40.0, null, "c-libre"));
      // One socket, one feed: had the first been relayed, it would have come first.
      ben.await(CursorMoved.class, c -> anaId.equals(c.participantId()));
      host.await(CursorMoved.class, c -> anaId.equals(c.participantId()));
      assertThat(canvasesOfPointers(ben, anaId)).containsExactly("c-libre");
      assertThat(canvasesOfPointers(host, anaId)).containsExactly("c-libre");
      assertThat(String.join("\n", ben.frames())).doesNotContain("n-ana-secrete");

      // A tab opened after an anonymous reveal reads which canvases hide pointers.
      host.send(new ClientMessage.SetCanvasPrivacy("h-2", "main", false, true));
      ben.await(CanvasPrivacyChanged.class, e -> "h-2".equals(e.changeId()));
      TestClient anaLater = server.connect().hello(id, anaWelcome.token(), null, null);
      anaLater.await(Synced.class);
      anaLater.send(new ClientMessage.MoveCursor(1.0, 2.0, "n-ana-secrete", "main"));
      anaLater.send(new ClientMessage.MoveCursor(3.0, 4.0, null, "c-libre"));
      ben.await(CursorMoved.class, c -> anaId.equals(c.participantId()) && c.x() == 3.0);
      assertThat(canvasesOfPointers(ben, anaId)).containsExactly("c-libre", "c-libre");
      assertThat(ben.all(CursorMoved.class))
          .extracting(CursorMoved::editingNoteId)
          .containsOnlyNulls();

      // Private writing then a reveal with names: the canvas relays pointers again.
      host.send(new ClientMessage.SetCanvasPrivacy("h-3", "c-libre", true, false));
      ben.await(CanvasPrivacyChanged.class, e -> "h-3".equals(e.changeId()));
      ben.send(new ClientMessage.MoveCursor(5.0, 6.0, null, "c-libre"));
      host.send(new ClientMessage.SetCanvasPrivacy("h-4", "c-libre", false, false));
      ben.await(CanvasPrivacyChanged.class, e -> "h-4".equals(e.changeId()));
      ben.send(new ClientMessage.MoveCursor(7.0, 8.0, null, "c-libre"));
      CursorMoved relayed = ana.await(CursorMoved.class, c -> benId.equals(c.participantId()));
      assertThat(relayed.x()).as("the move made while private was dropped").isEqualTo(7.0);
      List.of(host, ana, anaLater, ben).forEach(TestClient::close);
    }
  }
}
