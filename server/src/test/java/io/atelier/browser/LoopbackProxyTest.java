package io.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.testing.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The test harness itself: the proxy cuts and refuses connections when told, and only then. */
class LoopbackProxyTest {
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the loopback proxy relays, drops every connection and refuses new ones when told")
  void relaysDropsAndRefuses() throws Exception {
    try (LoopbackProxy proxy = new LoopbackProxy(server.port())) {
      assertThat(health(proxy)).isEqualTo(200);

      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        socket.setSoTimeout(5_000);
        socket
            .getOutputStream()
            .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        assertThat(in.read()).as("first byte of the answer").isEqualTo('H');
        proxy.dropAll();
        assertThat(drain(in)).as("end of stream after dropAll").isTrue();
      }

      proxy.refuseNewConnections(true);
      assertThatThrownBy(() -> health(proxy)).isInstanceOf(IOException.class);
      assertThat(proxy.refusedCount()).isPositive();

      proxy.refuseNewConnections(false);
      assertThat(health(proxy)).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("headless Chromium starts with its own profile and loads a page through the proxy")
  void chromiumThroughProxy() {
    try (LoopbackProxy proxy = new LoopbackProxy(server.port());
        HeadlessChromium chromium = HeadlessChromium.start()) {
      chromium.driver().get(proxy.baseUrl() + "/health");
      assertThat(chromium.driver().findElement(By.tagName("body")).getText()).contains("up");
      assertThat(proxy.acceptedCount()).isPositive();
    }
  }

  private static int health(LoopbackProxy proxy) throws IOException, InterruptedException {
    // A new client each time, so that no pooled connection hides a refusal.
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** Reads until the end of the stream; true when it ends (or is reset) within the timeout. */
  private static boolean drain(InputStream in) {
    try {
      while (in.read() != -1) {
        // The rest of the answer may still arrive before the close.
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
