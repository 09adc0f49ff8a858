package io.atelier.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  @DisplayName("values are read within their bounds, defaults where absent")
  void bounded() {
    Options options = Options.parse("--rooms", "50", "--step", "1.5");

    assertThat(options.integer("rooms", 1, 1, 1_000)).isEqualTo(50);
    assertThat(options.integer("clients", 10, 2, 100)).isEqualTo(10);
    assertThat(options.decimal("step", 1.25, 1.01, 4)).isEqualTo(1.5);
    options.requireAllRead();
  }

  @Test
  @DisplayName("a value out of bounds, not a number, or a name given twice is refused")
  void refused() {
    assertThatThrownBy(() -> Options.parse("--rate", "0").integer("rate", 1, 1, 10))
        .hasMessage("--rate must be between 1 and 10");
    assertThatThrownBy(() -> Options.parse("--rate", "lots").integer("rate", 1, 1, 10))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> Options.parse("--step", "NaN").decimal("step", 2, 1.01, 4))
        .hasMessageContaining("between");
    assertThatThrownBy(() -> Options.parse("--rate", "1", "--rate", "2"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Options.parse("--rate")).hasMessageContaining("pairs");
  }

  @Test
  @DisplayName("an option no scenario read is a typo, refused by name")
  void typo() {
    Options options = Options.parse("--rates", "200");
    options.integer("rate", 200, 1, 1_000);

    assertThatThrownBy(options::requireAllRead).hasMessageStartingWith("--rates is not an option");
  }
}
