package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage.Ack;
import io.atelier.protocol.ServerMessage.Snapshot;
import io.atelier.protocol.ServerMessage.Welcome;
import io.atelier.protocol.WireFacilitation.WireStep;
import io.atelier.protocol.WireParticipant;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestClient;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results leave the tool and come back (EX1, EX2), over real sockets and HTTP: a workshop with
 * something of everything is exported, imported as a new workshop, and exported again.
 */
class ExportImportTest {
  private static RunningServer server;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final List<WireStep> AGENDA =
      List.of(
          new WireStep(
              "s-1", "text", "Reconnaissance territoriale", "Nous *reconnaissons*", 5, null, null),
          new WireStep("s-2", "canvas", "Notre plateforme", "", 50, "msc", 10),
          new WireStep("s-3", "break", "Pause", "", 15, null, null));

  /** A workshop as a facilitator and two participants leave it; Ana's token comes back. */
  record Built(String id, String key, String anaToken) {}

  private static ClientMessage.CreateNote note(
      String change, String id, String canvas, double x, double y, String text) {
    return new ClientMessage.CreateNote(change, id, canvas, x, y, 200.0, 140.0, text, "yellow");
  }

  private static void awaitAck(TestClient client, String changeId) {
    Ack ack = client.await(Ack.class, a -> a.changeId().equals(changeId));
    assertThat(ack.duplicate()).isFalse();
  }

  static Built build(RunningServer server, String title) {
    JsonObject created = server.createWorkshop(title, "fr");
    String id = created.getString("id");
    String key = created.getString("facilitatorKey");
    TestClient host =
        server
            .connect()
            .send(
                new ClientMessage.Hello(
                    ProtocolCodec.PROTOCOL_VERSION, id, null, "Anim", null, key));
    assertThat(host.await(Welcome.class).facilitator()).isTrue();
    TestClient ana = server.join(id, "Ana");
    Welcome anaWelcome = ana.await(Welcome.class);
    TestClient ben = server.join(id, "Ben « B » Tremblay");
    String benId = ben.await(Welcome.class).participant().id();

    // An image the agenda's texts may show: a complete export carries it (EX1).
    HttpResponse<String> uploaded =
        server.post(
            "/api/workshops/" + id + "/images", "image/png", TestImages.png(7), "Bearer " + key);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

    host.send(new ClientMessage.CreateCanvas("h-1", "c-a", "analyse-platform", "Groupe A"));
    host.send(new ClientMessage.CreateCanvas("h-2", "c-b", "blank", "Idées libres"));
    host.send(new ClientMessage.CreateCanvas("h-3", "c-x", "blank", "Brouillon"));
    host.send(new ClientMessage.AssignGroup("h-4", anaWelcome.participant().id(), "c-a"));
    host.send(new ClientMessage.AssignGroup("h-5", benId, "main"));
    host.send(new ClientMessage.SetAgenda("h-6", AGENDA));
    host.send(new ClientMessage.GoToStep("h-7", "s-2"));
    host.send(new ClientMessage.CommandTimer("h-8", "start", 600L));
    host.send(new ClientMessage.CommandTimer("h-9", "pause", null));
    host.send(new ClientMessage.FocusPillar("h-10", "resources"));
    host.send(new ClientMessage.RenameCanvas("h-11", "main", "Notre plateforme"));
    awaitAck(host, "h-11");

    ana.send(note("a-1", "n-com", "main", -550, -350, "Des bénévoles ☕"));
    ana.send(note("a-2", "n-res", "main", -100, 530, "=cmd|' /C calc'!A0"));
    ana.send(note("a-3", "n-sha", "main", -1000, -70, "# Titre injecté\nune ligne, \"citée\""));
    ana.send(note("a-4", "n-ins", "c-a", 1550, -570, "Leur wiki"));
    ana.send(note("a-5", "n-draft", "c-x", 0, 0, "brouillon"));
    ana.send(note("a-6", "n-gone", "main", 0, 0, "à effacer"));
    ana.send(new ClientMessage.DeleteNote("a-7", "n-gone"));
    ana.send(
        new ClientMessage.UpdateNote(
            "a-8",
            "n-com",
            new NoteProperties(
                null, null, null, null, "Des bénévoles ☕\net des salarié·es", null, null)));
    ana.send(new ClientMessage.SetRole("a-9", "sharing", "Je documente"));
    ben.send(note("b-1", "n-out", "main", 5000, 5000, "Hors de tout"));
    ben.send(new ClientMessage.SetRole("b-2", "community", ""));
    ben.send(new ClientMessage.SetAttendance("b-3", benId, true)); // AT1: travels too
    awaitAck(ana, "a-9");
    awaitAck(ben, "b-3");
    // Locks and a cluster (LK1, LK2, CL1) travel too.
    host.send(note("h-17", "n-k", "c-b", 0, 0, "Entraide"));
    host.send(
        new ClientMessage.CreateCluster("h-18", "k-1", "c-b", "Ce qui nous relie", List.of("n-k")));
    host.send(new ClientMessage.LockCanvas("h-19", "c-a", true));
    host.send(new ClientMessage.LockNote("h-20", "n-com", true));
    // A closed dot vote on the clustered canvas (DV3, DV5) travels too.
    host.send(new ClientMessage.OpenVote("h-21", "v-1", "c-b", null, 2, null, false));
    awaitAck(host, "h-21");
    ben.send(new ClientMessage.PlaceDot("b-4", "v-1", "n-k"));
    awaitAck(ben, "b-4");
    host.send(new ClientMessage.CloseVote("h-22", "v-1"));
    host.send(new ClientMessage.DeleteCanvas("h-12", "c-x"));
    // A round table with one turn spoken and the second running (RT): it travels too.
    String anaId = anaWelcome.participant().id();
    host.send(new ClientMessage.SetSpeakingOrder("h-13", List.of(anaId, benId)));
    host.send(new ClientMessage.ConfigureRound("h-14", 90, 10));
    host.send(new ClientMessage.StartRound("h-15"));
    host.send(new ClientMessage.NextTurn("h-16"));
    awaitAck(host, "h-16");
    host.close();
    ana.close();
    ben.close();
    return new Built(id, key, anaWelcome.token());
  }

  private static HttpResponse<String> export(
      RunningServer server, String id, String key, String query) {
    return server.get(
        "/api/workshops/" + id + "/export?" + query, key == null ? null : "Bearer " + key);
  }

  private static JsonObject exportJson(RunningServer server, String id, String key) {
    HttpResponse<String> response = export(server, id, key, "format=json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** An export without what differs between two exports of equal workshops. */
  private static JsonObject comparable(JsonObject export) {
    JsonObject copy = export.copy();
    copy.remove("exportedAt");
    copy.getJsonObject("workshop").remove("createdAt");
    return copy;
  }

  private static Snapshot witness(RunningServer server, String id) {
    TestClient witness = server.join(id, "Témoin");
    Snapshot snapshot = witness.await(Snapshot.class);
    witness.close();
    return snapshot;
  }

  private static List<String> people(Snapshot snapshot) {
    return snapshot.participants().stream()
        .filter(p -> !p.name().equals("Témoin"))
        .map(p -> p.id() + " " + p.name() + " " + p.color())
        .toList();
  }

  @Test
  @DisplayName(
      "EX1 EX2 export, import, export again: the two exports are equal but for when and which")
  void roundTrip() {
    Built original = build(server, "Atelier d'export");
    JsonObject first = exportJson(server, original.id(), original.key());
    assertThat(first.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("id")))
        .containsExactlyInAnyOrder("n-com", "n-res", "n-sha", "n-ins", "n-out", "n-k");
    assertThat(first.getJsonArray("clusters").encode())
        .isEqualTo(
            "[{\"id\":\"k-1\",\"canvasId\":\"c-b\",\"title\":\"Ce qui nous relie\","
                + "\"noteIds\":[\"n-k\"]}]");
    assertThat(first.getJsonArray("votes").getJsonObject(0).getJsonArray("results").encode())
        .isEqualTo("[{\"noteId\":\"n-k\",\"dots\":1,\"voters\":1,\"rank\":1}]");
    assertThat(first.getJsonArray("canvases").stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactly("main", "c-a", "c-b");
    assertThat(first.getJsonObject("timer").getString("status")).isEqualTo("paused");
    assertThat(first.getJsonObject("progress").getString("currentStepId")).isEqualTo("s-2");
    assertThat(first.encode()).doesNotContain(original.key()).doesNotContain(original.anaToken());

    HttpResponse<String> imported = server.post("/api/workshops/import", first.encode());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonObject copy = new JsonObject(imported.body());
    String copyId = copy.getString("id");
    assertThat(copyId).isNotEqualTo(original.id());
    assertThat(copy.getString("title")).isEqualTo("Atelier d'export");
    assertThat(copy.getString("language")).isEqualTo("fr");
    assertThat(copy.getString("joinUrl")).isEqualTo(server.baseUrl() + "/w/" + copyId);
    assertThat(copy.getString("facilitatorUrl"))
        .isEqualTo(server.baseUrl() + "/w/" + copyId + "#key=" + copy.getString("facilitatorKey"));
    assertThat(copy.getString("facilitatorKey")).isNotEqualTo(original.key());
    assertThat(imported.headers().firstValue("Location")).hasValue("/api/workshops/" + copyId);

    JsonObject second = exportJson(server, copyId, copy.getString("facilitatorKey"));
    assertThat(comparable(second)).isEqualTo(comparable(first));
    // The image came along with its id: the same path serves the same bytes in the copy.
    String imageId = TestImages.sha256(TestImages.png(7));
    assertThat(first.getJsonArray("images").stream().map(i -> ((JsonObject) i).getString("id")))
        .containsExactly(imageId);
    assertThat(server.getBytes("/api/workshops/" + copyId + "/images/" + imageId).body())
        .isEqualTo(TestImages.png(7));
    assertThat(second.getJsonObject("workshop").getLong("createdAt"))
        .isGreaterThanOrEqualTo(first.getJsonObject("workshop").getLong("createdAt"));

    // Over a socket, the copy is the original.
    Snapshot before = witness(server, original.id());
    Snapshot after = witness(server, copyId);
    assertThat(after.notes()).isEqualTo(before.notes());
    assertThat(after.canvases()).isEqualTo(before.canvases());
    assertThat(after.canvases()).filteredOn(c -> c.locked()).hasSize(1); // LK1
    assertThat(after.notes()).filteredOn(n -> n.locked()).hasSize(1); // LK2
    assertThat(after.clusters()).isEqualTo(before.clusters()).hasSize(1); // CL1
    assertThat(after.groups()).isEqualTo(before.groups());
    assertThat(after.roles()).isEqualTo(before.roles());
    assertThat(after.agenda()).isEqualTo(before.agenda());
    assertThat(after.progress()).isEqualTo(before.progress());
    assertThat(after.timer()).isEqualTo(before.timer());
    assertThat(after.roundTable()).isEqualTo(before.roundTable());
    assertThat(first.getJsonObject("roundTable").getJsonArray("turns")).hasSize(1);
    assertThat(people(after)).isEqualTo(people(before));
    assertThat(
            after.participants().stream()
                .filter(WireParticipant::online)
                .map(WireParticipant::name))
        .containsExactly("Témoin");
  }

  @Test
  @DisplayName("EX2 nobody can speak as an imported participant: their old token is unknown (4003)")
  void importedParticipantsCannotBeImpersonated() {
    Built original = build(server, "Jetons");
    JsonObject export = exportJson(server, original.id(), original.key());
    String copyId =
        new JsonObject(server.post("/api/workshops/import", export.encode()).body())
            .getString("id");
    TestClient intruder = server.connect().hello(copyId, original.anaToken(), null, null);
    assertThat(intruder.awaitClose().code()).isEqualTo((short) 4003);
    // In the original, the token is still Ana's.
    TestClient ana = server.connect().hello(original.id(), original.anaToken(), null, null);
    assertThat(ana.await(Welcome.class).participant().name()).isEqualTo("Ana");
    ana.close();
  }

  @Test
  @DisplayName(
      "EX1 CL1 Markdown and CSV: named for the title and day, UTF-8, notes by pillar and cluster,"
          + " no formula")
  void markdownAndCsv() {
    Built original = build(server, "Atelier d'export");
    HttpResponse<String> md =
        export(server, original.id(), original.key(), "format=md&tz=America/Montreal");
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
    assertThat(md.headers().firstValue("Content-Disposition").orElseThrow())
        .matches("attachment; filename=\"atelier-d-export-\\d{4}-\\d{2}-\\d{2}\\.md\"");
    assertThat(md.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(md.body())
        .startsWith("# Atelier d'export\n\n")
        .contains("3 personnes participantes · 6 notes")
        .contains("## Notre plateforme\n")
        .contains("### Communauté\n\n- Des bénévoles ☕\\\n  et des salarié·es — *Ana*\n")
        .contains("### Ressources\n\n- \\=cmd\\|' /C calc'!A0 — *Ana*\n")
        .contains("### Partage\n\n- \\# Titre injecté\\\n  une ligne, \"citée\" — *Ana*\n")
        .contains("### Hors des zones\n\n- Hors de tout — *Ben « B » Tremblay*\n")
        .contains("## Groupe A\n")
        .contains("### Ce qui m’inspire\n\n- Leur wiki — *Ana*\n")
        .contains("## Idées libres\n")
        .contains("### Regroupement : Ce qui nous relie\n\n- Entraide — *Anim*\n")
        .contains("### Vote par points\n")
        .contains("- **1.** Entraide — **1 point** (1 personne)\n")
        .contains("- **Ana** : Je documente\n")
        .contains("2. Notre plateforme (Exercice sur canevas) · 50 min · **étape en cours**\n")
        .contains("Durée prévue : 1 h 10 min\n")
        .doesNotContain("Brouillon")
        .doesNotContain("à effacer");

    HttpResponse<String> csv = export(server, original.id(), original.key(), "format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .matches("attachment; filename=\"atelier-d-export-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
    assertThat(csv.body())
        .startsWith("\uFEFFcanvas,pillar,zone,text,author,color,created_at,cluster,votes\r\n")
        .contains("\r\nNotre plateforme,resources,Ressources,'=cmd|' /C calc'!A0,Ana,yellow,20")
        .contains(
            "\r\nNotre plateforme,sharing,Partage,\"# Titre injecté\nune ligne, \"\"citée\"\"\",Ana,")
        .contains("\r\nGroupe A,,Ce qui m’inspire,Leur wiki,Ana,yellow,20")
        .contains("\r\nNotre plateforme,,,Hors de tout,Ben « B » Tremblay,yellow,20")
        .containsPattern("\r\nIdées libres,,,Entraide,Anim,yellow,[^,]+,Ce qui nous relie,1\r\n")
        .endsWith("\r\n");
    assertThat(csv.body().split("\r\n(?=Notre plateforme|Groupe A|Idées libres)")).hasSize(7);

    // RT9: Ana's turn is over, Ben's still runs: he is listed from the order, remote (AT1).
    HttpResponse<String> speaking =
        export(server, original.id(), original.key(), "format=speaking");
    assertThat(speaking.statusCode()).isEqualTo(200);
    assertThat(speaking.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(speaking.headers().firstValue("Content-Disposition").orElseThrow())
        .matches(
            "attachment; filename=\"atelier-d-export-\\d{4}-\\d{2}-\\d{2}-temps-de-parole\\.csv\"");
    assertThat(speaking.body())
        .startsWith(
            "\uFEFFparticipant_id,name,remote,turns,passed_turns,spoke,total_seconds,share_percent"
                + "\r\n")
        .matches("(?s).*\r\n[^,]+,Ana,false,1,0,true,0,(100\\.0|0\\.0)\r\n.*")
        .endsWith(",Ben « B » Tremblay,true,0,0,false,0,0.0\r\n");
  }

  @Test
  @DisplayName(
      "EX1 the export needs the facilitator key (401), a workshop (404) and a format (400)")
  void exportRefusals() {
    JsonObject created = server.createWorkshop("Refus", "en");
    String id = created.getString("id");
    String key = created.getString("facilitatorKey");
    String otherKey = server.createWorkshop("Other", "en").getString("facilitatorKey");
    for (String wrong : new String[] {null, "wrong", otherKey}) {
      HttpResponse<String> refused = export(server, id, wrong, "format=json");
      assertThat(refused.statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
      assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("unauthorized");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertThat(export(server, "AAAAAAAAAAAAAAAAAAAAAA", key, "format=md").statusCode())
        .isEqualTo(404);
    assertThat(export(server, "no*such", key, "format=md").statusCode()).isEqualTo(404);
    for (String query : new String[] {"format=pdf", "", "format=MD", "format=md&tz=Mars/Olympus"}) {
      HttpResponse<String> bad = export(server, id, key, query);
      assertThat(bad.statusCode()).as(query).isEqualTo(400);
      assertThat(new JsonObject(bad.body()).getString("error")).isEqualTo("bad_request");
    }
    // A new English workshop: one MSC canvas, nothing on it yet.
    HttpResponse<String> md = export(server, id, key, "format=md");
    assertThat(md.body())
        .contains("## Commons model canvas\n")
        .contains("### Community\n\n*No notes.*\n");
  }

  @Test
  @DisplayName(
      "EX2 a bad document is refused with 400 and a message; a body above 160 MiB with 413")
  void importRefusals() {
    Built model = build(server, "Modèle");
    JsonObject good = exportJson(server, model.id(), model.key());
    for (String[] bad :
        new String[][] {
          {"not json", "not valid JSON"},
          {"{}", "not an Atelier export"},
          {good.copy().put("version", 2).encode(), "Export version 2 is not supported"},
          {good.copy().put("participants", new JsonArray()).encode(), "not in the workshop"},
          {"", "JSON export"},
          {withImage(good, TestImages.sha256(TestImages.png(8))), "not the SHA-256"},
          {withImage(good, "not-a-hash"), "not the SHA-256"}
        }) {
      HttpResponse<String> refused = server.post("/api/workshops/import", bad[0]);
      assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
      JsonObject error = new JsonObject(refused.body());
      assertThat(error.getString("error")).isEqualTo("bad_request");
      assertThat(error.getString("message")).contains(bad[1]);
    }
    // Streamed, so that the test does not hold 160 MiB itself: the server cuts it off as it comes.
    HttpResponse<String> tooLarge =
        server.post(
            "/api/workshops/import",
            "application/json",
            HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(161L << 20)),
            null);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(tooLarge.body()).getString("error")).isEqualTo("too_large");
  }

  /** The export with its first image's id replaced: the bytes no longer match their name. */
  private static String withImage(JsonObject export, String id) {
    JsonObject copy = export.copy();
    copy.getJsonArray("images").getJsonObject(0).put("id", id);
    return copy.encode();
  }

  /** {@code size} bytes of JSON-ish text, made as they are read. */
  private static final class RepeatingStream extends java.io.InputStream {
    private long left;

    RepeatingStream(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? 'a' : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
      left -= n;
      return n;
    }
  }

  @Test
  @DisplayName("EX2 an imported workshop survives a restart with the SQLite journal")
  void importSurvivesRestart() {
    AtelierConfig config = AtelierConfig.forTests().withJournal(JournalSettings.sqlite(dataDir));
    String copyId;
    String copyKey;
    JsonObject before;
    try (RunningServer first = new RunningServer(config)) {
      Built original = build(first, "Avant le redémarrage");
      JsonObject export = exportJson(first, original.id(), original.key());
      JsonObject copy = new JsonObject(first.post("/api/workshops/import", export.encode()).body());
      copyId = copy.getString("id");
      copyKey = copy.getString("facilitatorKey");
      before = exportJson(first, copyId, copyKey);
      assertThat(comparable(before)).isEqualTo(comparable(export));
    }
    try (RunningServer restarted = new RunningServer(config)) {
      JsonObject after = exportJson(restarted, copyId, copyKey);
      assertThat(comparable(after)).isEqualTo(comparable(before));
      assertThat(after.getJsonObject("workshop")).isEqualTo(before.getJsonObject("workshop"));
      Snapshot snapshot = witness(restarted, copyId);
      assertThat(snapshot.notes()).hasSize(6);
      assertThat(snapshot.timer().status()).isEqualTo("paused");
    }
  }
}
