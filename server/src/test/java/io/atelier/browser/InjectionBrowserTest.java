package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.protocol.ServerMessage;
import io.atelier.testing.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 point 4: script and HTML written into every text field stays text. Each payload tries to
 * run code that sets {@code window.__pwned}; the test looks in real Chromium for that flag, for any
 * element or attribute a payload could have created, and for each payload shown as its literal
 * text, in a facilitator's, a participant's and the projector's page.
 *
 * <p>The page's Content-Security-Policy would block most inline code anyway: the test looks at the
 * DOM as well, so that it fails when a field is rendered as HTML even though the policy saved us.
 */
class InjectionBrowserTest extends ServerWithChromium {
  private static final String TITLE = "<img src=x onerror=\"window.__pwned='title'\">";
  private static final String NAME_TYPED = "\"><b onmouseover=window.__pwned=4>x</b>";
  private static final String NAME_SENT = "<svg onload=\"window.__pwned='name'\">";
  private static final String CANVAS_NAME = "<iframe src=\"javascript:window.__pwned=5\"></iframe>";
  private static final String ROLE = "<img src=x onerror=\"window.__pwned='role'\">";
  private static final String NOTE_SENT =
      "<script>window.__pwned='note'</script><img src=x onerror=\"window.__pwned='note-img'\">";
  private static final String NOTE_TYPED = "<a href=\"javascript:window.__pwned=9\">clic</a> & co";
  private static final String CLUSTER = "<script>window.__pwned='cluster'</script>";
  private static final String STEP_TITLE = "<b onmouseover=\"window.__pwned='step'\">Étape</b>";
  private static final String STEP_BODY =
      String.join(
          "\n\n",
          "<img src=x onerror=\"window.__pwned='md-html'\">",
          "[un lien](javascript:window.__pwned='md-link')",
          "![une image](javascript:window.__pwned='md-image')",
          "<script>window.__pwned='md-script'</script>",
          "**gras** <style>body{display:none}</style>");

  /**
   * What a payload could leave behind if a field were parsed as HTML: inline scripts, the payloads'
   * images, frames, event-handler attributes, javascript: links and images, a style element.
   */
  private static final String FOUND_BY_PAYLOADS =
      "const selectors = 'script:not([src]), img[src=\"x\"], iframe, object, embed, style, b,"
          + " [onerror], [onload], [onmouseover], [onclick], a[href^=\"javascript\" i],"
          + " img[src^=\"javascript\" i]';"
          + "return {pwned: window.__pwned === undefined ? null : String(window.__pwned),"
          + " found: [...document.querySelectorAll(selectors)].map(e => e.outerHTML.slice(0, 160)),"
          + " text: document.body.textContent};";

  private TestClient host;
  private TestClient named;

  @AfterEach
  void closeSockets() {
    for (TestClient client : new TestClient[] {host, named}) {
      if (client != null) {
        client.close();
      }
    }
  }

  @Test
  @DisplayName(
      "script and HTML in the title, names, canvas, note, cluster, role and agenda texts never run")
  void payloadsStayText() {
    JsonObject workshop = server.createWorkshop(TITLE, "fr");
    String id = workshop.getString("id");
    host = server.facilitate(workshop);
    named = server.join(id, NAME_SENT);
    fillEveryTextField(host);

    AtelierPage facilitator = browser("Animatrice", workshop.getString("facilitatorUrl"));
    facilitator.awaitFacilitator();
    AtelierPage participant = browser(NAME_TYPED, workshop.getString("joinUrl"));
    String typed = participant.createNoteAndAwait(NOTE_TYPED);
    facilitator.awaitNoteText(typed, NOTE_TYPED, LONG);
    // The step on stage last: the stage covers the board.
    send(host, new JsonObject().put("type", "go_to_step").put("stepId", "s-1"));
    facilitator.awaitStageTitle(STEP_TITLE, LONG);
    participant.awaitStageTitle(STEP_TITLE, LONG);
    facilitator.openRoleMap();
    AtelierPage projector =
        openBrowser("Projecteur").openProjector(server.baseUrl() + "/w/" + id + "/projector");
    projector.await(
        LONG,
        "the projector shows the step",
        driver -> driver.findElement(AtelierPage.PROJECTOR_STEP).getText().contains("Étape"));

    Map<AtelierPage, List<String>> shownAsText =
        Map.of(
            facilitator,
            List.of(
                TITLE,
                NAME_SENT,
                NAME_TYPED,
                CANVAS_NAME,
                ROLE,
                NOTE_SENT,
                NOTE_TYPED,
                CLUSTER,
                STEP_TITLE,
                "<script>window.__pwned='md-script'</script>"),
            participant,
            List.of(TITLE, NAME_TYPED, CANVAS_NAME, NOTE_SENT, NOTE_TYPED, CLUSTER, STEP_TITLE),
            projector,
            List.of(TITLE, STEP_TITLE));
    shownAsText.forEach(
        (page, texts) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> found = (Map<String, Object>) page.script(FOUND_BY_PAYLOADS);
          assertThat(found.get("pwned")).as(page.name() + ": code that ran").isNull();
          assertThat((List<?>) found.get("found"))
              .as(page.name() + ": elements a payload created")
              .isEmpty();
          assertThat((String) found.get("text"))
              .as(page.name() + ": each payload shown as its text")
              .contains(texts);
        });
    // The Markdown link and image with a javascript: address are dropped, their words kept.
    assertThat(facilitator.stageText()).contains("un lien", "gras");
  }

  /** The facilitator's socket writes a payload into every text the protocol carries. */
  private static void fillEveryTextField(TestClient host) {
    send(
        host,
        new JsonObject()
            .put("type", "rename_canvas")
            .put("canvasId", "main")
            .put("name", CANVAS_NAME));
    send(host, new JsonObject().put("type", "set_role").put("pillar", "sharing").put("role", ROLE));
    send(
        host,
        new JsonObject()
            .put("type", "create_note")
            .put("noteId", "n-payload")
            .put("canvasId", "main")
            .put("x", 40)
            .put("y", 40)
            .put("width", 200)
            .put("height", 140)
            .put("text", NOTE_SENT)
            .put("color", "yellow"));
    send(
        host,
        new JsonObject()
            .put("type", "create_cluster")
            .put("clusterId", "k-payload")
            .put("canvasId", "main")
            .put("title", CLUSTER)
            .put("noteIds", new JsonArray().add("n-payload")));
    JsonObject step =
        new JsonObject()
            .put("id", "s-1")
            .put("kind", "text")
            .put("title", STEP_TITLE)
            .put("body", STEP_BODY)
            .put("minutes", 5)
            .putNull("template")
            .putNull("pillarMinutes");
    send(host, new JsonObject().put("type", "set_agenda").put("steps", new JsonArray().add(step)));
  }

  private static int changes;

  /** Sends a change and waits for its acknowledgement: a refusal would weaken the test. */
  private static void send(TestClient client, JsonObject change) {
    String changeId = "inj-" + ++changes;
    client.sendRaw(change.put("changeId", changeId).encode());
    client.await(ServerMessage.Ack.class, ack -> changeId.equals(ack.changeId()));
  }
}
