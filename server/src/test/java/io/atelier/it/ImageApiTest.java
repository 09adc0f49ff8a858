package io.atelier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.ImageRules;
import io.atelier.testing.RunningServer;
import io.atelier.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 4, point 4: the images of the agenda's content steps, over HTTP on one node. */
class ImageApiTest {
  private static final int THREE_MIB = 3 * 1024 * 1024;
  private static RunningServer server;

  private String workshopId;
  private String key;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void createWorkshop() {
    JsonObject created = server.createWorkshop("Atelier illustré", "fr");
    workshopId = created.getString("id");
    key = created.getString("facilitatorKey");
  }

  private String images() {
    return "/api/workshops/" + workshopId + "/images";
  }

  private HttpResponse<String> upload(String contentType, byte[] bytes) {
    return server.post(images(), contentType, bytes, "Bearer " + key);
  }

  private static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("message")).isNotBlank();
  }

  @Test
  @DisplayName(
      "a PNG uploaded by the facilitator answers 201 with its SHA-256 and path, and reads back"
          + " identical, without a key, cached for good")
  void uploadAndRead() {
    byte[] png = TestImages.png(1);
    HttpResponse<String> created = upload("image/png", png);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject body = new JsonObject(created.body());
    String id = TestImages.sha256(png);
    String url = images() + "/" + id;
    assertThat(body.getString("id")).isEqualTo(id);
    assertThat(body.getString("url")).isEqualTo(url);
    assertThat(created.headers().firstValue("Location")).hasValue(url);

    HttpResponse<byte[]> read = server.getBytes(url);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(png);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(read.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // The pages may show them: images from this origin are allowed by the policy.
    assertThat(server.get("/w/" + workshopId).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("img-src 'self' data:"));
  }

  @Test
  @DisplayName("a JPEG reads back as image/jpeg; the same bytes uploaded twice keep one id")
  void jpegAndIdempotence() {
    byte[] jpeg = TestImages.jpeg(2);
    HttpResponse<String> first = upload("image/jpeg", jpeg);
    HttpResponse<String> again = upload("image/jpeg", jpeg);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    String url = new JsonObject(first.body()).getString("url");
    assertThat(new JsonObject(again.body()).getString("url")).isEqualTo(url);
    HttpResponse<byte[]> read = server.getBytes(url);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(read.body()).isEqualTo(jpeg);
  }

  @Test
  @DisplayName(
      "400 for a GIF, for bytes that are not of the declared type, without a type, for no bytes;"
          + " none is stored")
  void wrongTypes() {
    byte[] png = TestImages.png(3);
    assertError(upload("image/gif", TestImages.gif(3)), 400, "bad_request");
    assertError(upload("image/png", TestImages.gif(3)), 400, "bad_request");
    assertError(upload("image/jpeg", png), 400, "bad_request");
    assertError(upload("image/png", TestImages.jpeg(3)), 400, "bad_request");
    assertError(upload(null, png), 400, "bad_request");
    assertError(upload("image/png", new byte[0]), 400, "bad_request");
    assertThat(server.getBytes(images() + "/" + TestImages.sha256(png)).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "413 above 2 MiB: 3 MiB is cut off by the body limit (announced or chunked), one byte over"
          + " by the rule; exactly 2 MiB is taken")
  void sizes() {
    HttpResponse<String> announced = upload("image/png", TestImages.pngOfSize(THREE_MIB));
    assertError(announced, 413, "too_large");
    assertThat(announced.body()).contains("cut off");
    HttpResponse<String> chunked =
        server.post(
            images(),
            "image/png",
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(TestImages.pngOfSize(THREE_MIB))),
            "Bearer " + key);
    assertError(chunked, 413, "too_large");
    assertThat(chunked.body()).contains("cut off");
    HttpResponse<String> oneOver = upload("image/png", TestImages.justTooLarge());
    assertError(oneOver, 413, "too_large");
    assertThat(oneOver.body()).doesNotContain("cut off");

    byte[] largest = TestImages.pngOfSize(ImageRules.MAX_BYTES);
    HttpResponse<String> taken = upload("image/png", largest);
    assertThat(taken.statusCode()).isEqualTo(201);
    assertThat(server.getBytes(new JsonObject(taken.body()).getString("url")).body())
        .isEqualTo(largest);
  }

  @Test
  @DisplayName("only the facilitator uploads: 401 without the key, with a wrong or another's key")
  void facilitatorOnly() {
    byte[] png = TestImages.png(4);
    String otherKey = server.createWorkshop("Autre", "fr").getString("facilitatorKey");
    for (String header :
        new String[] {null, "Bearer wrong-key", "Basic abc", "Bearer " + otherKey}) {
      HttpResponse<String> refused = server.post(images(), "image/png", png, header);
      assertError(refused, 401, "unauthorized");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertThat(server.getBytes(images() + "/" + TestImages.sha256(png)).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("404 for an unknown workshop, an unknown or malformed image, another's image")
  void notFound() {
    byte[] png = TestImages.png(5);
    assertError(
        server.post(
            "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/images", "image/png", png, "Bearer " + key),
        404,
        "not_found");
    String url = new JsonObject(upload("image/png", png).body()).getString("url");
    assertThat(server.getBytes(url).statusCode()).isEqualTo(200);
    String other = server.createWorkshop("Autre", "fr").getString("id");
    for (String path :
        new String[] {
          images() + "/" + TestImages.sha256(new byte[] {1}),
          images() + "/" + TestImages.sha256(png).toUpperCase(java.util.Locale.ROOT),
          images() + "/not-an-id",
          "/api/workshops/" + other + "/images/" + TestImages.sha256(png),
          "/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/images/" + TestImages.sha256(png)
        }) {
      assertError(server.get(path), 404, "not_found");
    }
  }

  @Test
  @DisplayName("a workshop takes 50 images; the 51st answers 409, the same image again still 201")
  void fiftyPerWorkshop() {
    for (int i = 0; i < ImageRules.MAX_PER_WORKSHOP; i++) {
      assertThat(upload("image/png", TestImages.png(100 + i)).statusCode()).isEqualTo(201);
    }
    assertError(upload("image/png", TestImages.png(99)), 409, "too_many_images");
    assertThat(upload("image/png", TestImages.png(100)).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("deleting the workshop deletes its images")
  void deletedWithTheWorkshop() {
    String url = new JsonObject(upload("image/png", TestImages.png(6)).body()).getString("url");
    assertThat(server.getBytes(url).statusCode()).isEqualTo(200);
    assertThat(server.delete("/api/workshops/" + workshopId, "Bearer " + key).statusCode())
        .isEqualTo(204);
    assertThat(server.getBytes(url).statusCode()).isEqualTo(404);
  }
}
