package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.CanvasPrivacyChanged;
import io.atelier.protocol.ServerMessage.Error;
import io.atelier.protocol.ServerMessage.Hidden;
import io.atelier.protocol.ServerMessage.NoteCreated;
import io.atelier.protocol.ServerMessage.RevisionedMessage;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Synced;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireNote;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Private writing read off the wire (PW1, PW2): until the reveal, no frame sent to anyone but a
 * note's author carries its text, on the live fan-out, a catch-up or a snapshot.
 */
class PrivateWritingSocketTest {
  private static final String ANA_SECRET = "Le secret d'Ana";
  private static final String ANA_EDITED = "Le secret d'Ana, revu";
  private static final String BEN_SECRET = "Le secret de Ben";

  private static ClientMessage note(String changeId, String noteId, String text) {
    return new ClientMessage.CreateNote(
        changeId, noteId, "main", 0.0, 0.0, 200.0, 140.0, text, "yellow");
  }

  private static void acked(TestClient client, String changeId) {
    client.await(Ack.class, a -> changeId.equals(a.changeId()));
  }

  private static String wire(TestClient client) {
    return String.join("\n", client.frames());
  }

  @Test
  @DisplayName(
      "PW1 PW2 no hidden note's text reaches a non-author before the reveal; the reveal brings"
          + " them to everyone, without authors when anonymous")
  void nothingHiddenOnTheWire() {
    try (RunningServer server = new RunningServer()) {
      JsonObject created = server.createWorkshop("Écriture privée", "fr");
      String id = created.getString("id");
      TestClient host = server.facilitate(created);
      TestClient ana = server.join(id, "Ana");
      Welcome anaWelcome = ana.await(Welcome.class);
      TestClient ben = server.join(id, "Ben");
      long benStart = ben.await(Synced.class).revision();
      TestClient projector = server.connect().send(ClientMessage.Hello.observer(id, null));
      projector.await(Synced.class);

      ben.send(new ClientMessage.SetCanvasPrivacy("b-0", "main", true, false));
      assertThat(ben.await(Error.class, e -> "b-0".equals(e.changeId())).code())
          .isEqualTo("not_facilitator");
      host.send(new ClientMessage.SetCanvasPrivacy("h-1", "main", true, false));
      acked(host, "h-1");
      ana.send(note("a-1", "n-ana", ANA_SECRET));
      ana.send(
          new ClientMessage.UpdateNote(
              "a-2", "n-ana", new NoteProperties(10.0, null, null, null, ANA_EDITED, null, null)));
      ben.send(note("b-1", "n-ben", BEN_SECRET));
      acked(ana, "a-2");
      acked(ben, "b-1");
      long lastHidden = ben.await(Hidden.class, h -> "updated".equals(h.change())).revision();

      // Reconnects: a catch-up from a revision, and a snapshot.
      TestClient anaCatchUp = server.connect().hello(id, anaWelcome.token(), null, benStart);
      anaCatchUp.await(Synced.class);
      TestClient anaReload = server.connect().hello(id, anaWelcome.token(), null, null);
      Snapshot anaSnapshot = anaReload.await(Snapshot.class);
      assertThat(anaSnapshot.notes()).extracting(WireNote::id).containsExactly("n-ana");
      assertThat(anaSnapshot.hiddenNotes()).containsEntry("main", 1);
      assertThat(anaSnapshot.privateCanvases()).containsExactly("main");

      assertThat(wire(ben)).doesNotContain(ANA_SECRET).doesNotContain("revu");
      assertThat(wire(host)).doesNotContain(ANA_SECRET).doesNotContain(BEN_SECRET);
      assertThat(wire(projector)).doesNotContain(ANA_SECRET).doesNotContain(BEN_SECRET);
      for (TestClient anaTab : List.of(ana, anaCatchUp, anaReload)) {
        assertThat(wire(anaTab)).contains(ANA_EDITED).doesNotContain(BEN_SECRET);
      }
      // SY4: Ben's revisions have no hole; Ana's edits reached him as placeholders.
      assertThat(
              ben.all(RevisionedMessage.class).stream()
                  .mapToLong(RevisionedMessage::revision)
                  .filter(r -> r > benStart && r <= lastHidden)
                  .distinct()
                  .sorted()
                  .boxed()
                  .toList())
          .containsExactlyElementsOf(
              LongStream.rangeClosed(benStart + 1, lastHidden).boxed().toList());

      host.send(new ClientMessage.SetCanvasPrivacy("h-2", "main", false, true));
      for (TestClient reader : List.of(host, ben, projector)) {
        CanvasPrivacyChanged reveal =
            reader.await(CanvasPrivacyChanged.class, e -> "h-2".equals(e.changeId()));
        assertThat(reveal.notes())
            .extracting(WireNote::text)
            .containsExactlyInAnyOrder(ANA_EDITED, BEN_SECRET);
        assertThat(reveal.notes()).allSatisfy(n -> assertThat(n.createdBy()).isNull());
      }
      ana.send(note("a-3", "n-after", "Après la révélation"));
      NoteCreated seenByBen = ben.await(NoteCreated.class, e -> "a-3".equals(e.changeId()));
      assertThat(seenByBen.participantId()).isNull();
      assertThat(seenByBen.note().createdBy()).isNull();
      NoteCreated seenByAna = ana.await(NoteCreated.class, e -> "a-3".equals(e.changeId()));
      assertThat(seenByAna.note().createdBy()).isEqualTo(anaWelcome.participant().id());
      assertThat(wire(ben)).doesNotContain(anaWelcome.participant().id() + "\",\"note\"");
      List.of(host, ana, ben, projector, anaCatchUp, anaReload).forEach(TestClient::close);
    }
  }
}
