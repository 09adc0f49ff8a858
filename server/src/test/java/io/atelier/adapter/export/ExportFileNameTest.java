package io.atelier.adapter.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.Language;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportFileNameTest {
  @Test
  @DisplayName("EX1 the file is named <slug-of-title>-<yyyy-mm-dd>.<ext>, in plain ASCII")
  void fileName() {
    WorkshopExport export = RichWorkshop.export(Language.FR);
    assertThat(ExportFileName.of(export, ExportFormat.MARKDOWN, ZoneId.of("America/Montreal")))
        .isEqualTo("atelier-msc-plateformes-d-hiver-2025-12-04.md");
    assertThat(ExportFileName.of(export, ExportFormat.CSV, ZoneOffset.UTC))
        .isEqualTo("atelier-msc-plateformes-d-hiver-2025-12-05.csv");
    assertThat(ExportFileName.of(export, ExportFormat.SPEAKING, ZoneOffset.UTC))
        .isEqualTo("atelier-msc-plateformes-d-hiver-2025-12-05-temps-de-parole.csv");
    assertThat(
            ExportFileName.of(
                RichWorkshop.export(Language.EN), ExportFormat.SPEAKING, ZoneOffset.UTC))
        .endsWith("-speaking-time.csv");
  }

  @Test
  @DisplayName("EX1 slugs: accents and ligatures spelled out, symbols dropped, never empty or long")
  void slugs() {
    assertThat(ExportFileName.slug("Cœur d’Écologie : été 2025!", Language.FR))
        .isEqualTo("coeur-d-ecologie-ete-2025");
    assertThat(ExportFileName.slug("🤝 ☕", Language.FR)).isEqualTo("atelier");
    assertThat(ExportFileName.slug("\"; rm -rf /", Language.EN)).isEqualTo("rm-rf");
    assertThat(ExportFileName.slug("日本", Language.EN)).isEqualTo("workshop");
    assertThat(ExportFileName.slug("a ".repeat(100), Language.FR))
        .hasSizeLessThanOrEqualTo(ExportFileName.MAX_SLUG)
        .doesNotEndWith("-")
        .matches("[a-z0-9-]+");
  }
}
