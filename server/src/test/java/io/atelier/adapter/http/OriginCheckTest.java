package io.atelier.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.config.AllowedOrigins;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LM10: which pages may open a socket, by their Origin. */
class OriginCheckTest {

  @Test
  @DisplayName(
      "LM10 by default a page of the same origin as the Host it asks may open a socket, another"
          + " site's may not")
  void sameOrigin() {
    OriginCheck check = new OriginCheck(AllowedOrigins.SAME_ORIGIN);
    assertThat(check.allows("http://localhost:8080", "localhost:8080")).isTrue();
    assertThat(check.allows("https://atelier.example.org", "atelier.example.org")).isTrue();
    assertThat(check.allows("https://atelier.example.org", "Atelier.Example.org:443")).isTrue();
    assertThat(check.allows("http://evil.example", "localhost:8080")).isFalse();
    assertThat(check.allows("http://localhost:9999", "localhost:8080")).isFalse();
    assertThat(check.allows("http://localhost:8080", null)).isFalse();
  }

  @Test
  @DisplayName("LM10 with origins configured, those and only those, whatever the Host says")
  void configured() {
    OriginCheck check = new OriginCheck(new AllowedOrigins(List.of("https://atelier.example.org")));
    assertThat(check.allows("https://atelier.example.org", "node-1:8080")).isTrue();
    assertThat(check.allows("https://ATELIER.example.org:443", "node-1:8080")).isTrue();
    assertThat(check.allows("http://atelier.example.org", "atelier.example.org")).isFalse();
    assertThat(check.allows("https://evil.example", "evil.example")).isFalse();
  }

  @Test
  @DisplayName(
      "LM10 no Origin (a program, which could forge one anyway) is let through; \"null\" and"
          + " garbage are not")
  void missingOrOpaque() {
    OriginCheck check = new OriginCheck(AllowedOrigins.SAME_ORIGIN);
    assertThat(check.allows(null, "localhost:8080")).isTrue();
    assertThat(check.allows("null", "localhost:8080")).isFalse();
    assertThat(check.allows("file://", "localhost:8080")).isFalse();
    assertThat(check.allows("::::", "localhost:8080")).isFalse();
  }
}
