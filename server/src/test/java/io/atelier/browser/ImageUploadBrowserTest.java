package io.atelier.browser;

import static io.atelier.browser.AtelierPage.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.ImageRules;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A picture in a step's text, from the facilitator's file to every participant's stage (AG1): the
 * editor posts the file to {@code POST /api/workshops/{id}/images}, writes {@code
 * ![alt](image:<id>)} where the caret was, the agenda carries it, and the stage shows the image
 * served by the workshop. A file the rules refuse is told apart and changes nothing.
 */
class ImageUploadBrowserTest extends ServerWithChromium {
  @TempDir Path files;

  private AtelierPage facilitator(JsonObject workshop) {
    AtelierPage page = browser("Fanny", workshop.getString("facilitatorUrl"));
    page.awaitFacilitator();
    return page;
  }

  private Path file(String name, byte[] bytes) {
    try {
      return Files.write(files.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName(
      "AG1 the facilitator puts a PNG in a content step where the caret is; the agenda carries"
          + " it and a participant's stage shows it, loaded from the workshop, byte for byte")
  void uploadedImageReachesTheStage() {
    JsonObject workshop = server.createWorkshop("Atelier illustré", "fr");
    AtelierPage fanny = facilitator(workshop);
    AtelierPage paul = browser("Paul", workshop.getString("joinUrl"));
    paul.chooseLanguage("en");

    int step = fanny.addStep("content");
    WebElement title = fanny.agendaStep(step).findElement(AtelierPage.testId("step-title"));
    title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Notre territoire");
    WebElement body = fanny.stepBody(step);
    body.click();
    body.sendKeys("Avant la carte.", Keys.ENTER, Keys.ENTER, "Après la carte.");
    // The caret after the first paragraph: the image goes between the two.
    body.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), Keys.END);

    byte[] png = TestImages.png(42);
    String id = TestImages.sha256(png);
    fanny.chooseStepImage(step, file("carte du territoire.png", png));
    assertThat(fanny.awaitUploadStatus(step, "Image insérée dans le texte.", LONG))
        .isEqualTo("status");
    String expected =
        "Avant la carte.\n\n![carte du territoire](image:" + id + ")\n\nAprès la carte.";
    assertThat(fanny.stepBodyValue(step)).isEqualTo(expected);

    // Saved with the agenda: the participant's copy of the agenda holds the same text.
    paul.await(
        LONG,
        "Paul's agenda holds the text with the image",
        d ->
            expected.equals(
                paul.script("return window.atelier.engine.arrangement().agenda[0].body;")));

    fanny.clickStepButton(step, "step-go");
    paul.awaitStageTitle("Notre territoire", LONG);
    String src = paul.awaitStageImageLoaded(LONG);
    String url = "/api/workshops/" + workshop.getString("id") + "/images/" + id;
    assertThat(src).isEqualTo(url);
    assertThat(
            paul.script(
                "return document.querySelector('[data-testid=stage-body] img').getAttribute('alt');"))
        .isEqualTo("carte du territoire");
    assertThat(
            paul.script(
                "return document.querySelector('[data-testid=stage-body] img').naturalWidth;"))
        .as("the PNG's width")
        .isEqualTo(8L);
    HttpResponse<byte[]> served = server.getBytes(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).as("the bytes served").isEqualTo(png);
    assertThat(fanny.awaitStageImageLoaded(LONG)).as("the facilitator's stage too").isEqualTo(url);
  }

  @Test
  @DisplayName(
      "AG1 a GIF, a file above 2 MiB, a PNG that is not one, and one image too many are each"
          + " told apart, in French and English, and insert nothing")
  void refusedFilesInsertNothing() {
    JsonObject workshop = server.createWorkshop("Atelier refusé", "fr");
    AtelierPage fanny = facilitator(workshop);
    int step = fanny.addStep("text");
    WebElement body = fanny.stepBody(step);
    body.click();
    body.sendKeys("Texte sans image.");
    fanny.await(
        LONG,
        "the text is saved",
        d ->
            "Texte sans image."
                .equals(
                    fanny.script("return window.atelier.engine.arrangement().agenda[0].body;")));

    fanny.chooseStepImage(step, file("plan.gif", TestImages.gif(1)));
    assertThat(fanny.awaitUploadStatus(step, "Choisissez une image PNG ou JPEG.", LONG))
        .isEqualTo("alert");

    fanny.chooseStepImage(step, file("affiche.png", TestImages.pngOfSize(3 * 1024 * 1024)));
    fanny.awaitUploadStatus(step, "Image trop lourde : 2 Mo au maximum.", LONG);

    // Named .png but holding a GIF: the browser sends it, the server refuses it (400).
    fanny.chooseStepImage(step, file("faux.png", TestImages.gif(2)));
    fanny.awaitUploadStatus(
        step, "Ce fichier n’est pas une image PNG ou JPEG lisible. Choisissez-en une autre.", LONG);

    // A workshop that already holds its 50 images refuses another (409).
    String key = workshop.getString("facilitatorKey");
    String images = "/api/workshops/" + workshop.getString("id") + "/images";
    for (int seed = 100; seed < 100 + ImageRules.MAX_PER_WORKSHOP; seed++) {
      assertThat(
              server.post(images, "image/png", TestImages.png(seed), "Bearer " + key).statusCode())
          .isEqualTo(201);
    }
    fanny.chooseLanguage("en");
    fanny.chooseStepImage(step, file("une de trop.png", TestImages.png(1)));
    assertThat(
            fanny.awaitUploadStatus(
                step, "This workshop already has 50 images, the maximum allowed.", LONG))
        .isEqualTo("alert");

    assertThat(fanny.stepBodyValue(step)).isEqualTo("Texte sans image.");
    assertThat(fanny.script("return window.atelier.engine.arrangement().agenda[0].body;"))
        .isEqualTo("Texte sans image.");
  }
}
