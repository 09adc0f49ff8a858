package io.atelier.adapter.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Language;
import io.atelier.domain.RoundTable;
import io.atelier.domain.WorkshopContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Markdown export (EX1), checked against whole expected documents and hostile texts. */
class MarkdownExportTest {
  private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
  private final MarkdownExport markdown = new MarkdownExport(TemplateCatalog.load());

  private static String expected(String name) throws IOException {
    try (InputStream in = MarkdownExportTest.class.getResourceAsStream("/exports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> headings(String document) {
    return Arrays.stream(document.split("\n")).filter(line -> line.startsWith("#")).toList();
  }

  @Test
  @DisplayName("EX1 Markdown in French: the whole document, as a knowledge base receives it")
  void wholeDocumentInFrench() throws IOException {
    assertThat(markdown.render(RichWorkshop.export(Language.FR), MONTREAL))
        .isEqualTo(expected("rich-workshop.fr.md"));
  }

  @Test
  @DisplayName("EX1 Markdown in English: the labels and zone names follow the workshop's language")
  void wholeDocumentInEnglish() throws IOException {
    assertThat(markdown.render(RichWorkshop.export(Language.EN), ZoneOffset.UTC))
        .isEqualTo(expected("rich-workshop.en.md"));
  }

  @Test
  @DisplayName(
      "EX1 CL1 Markdown: clusters, then pillars in the model's order, the other zones, the outside")
  void zoneOrder() {
    String document = markdown.render(RichWorkshop.export(Language.FR), MONTREAL);
    assertThat(headings(document))
        .containsExactly(
            "# Atelier MSC : « Plateformes » d'hiver",
            "## Canevas MSC",
            "### Regroupement : \\=Ce qui nous \\*tient\\*",
            "### Communauté",
            "### Ressources",
            "### Co-production",
            "### Partage",
            "### Co-gouvernance",
            "### Mission, vision et valeurs",
            "### Hors des zones",
            "### Vote par points",
            "## Groupe A : autre plateforme",
            "### Communauté",
            "### Ressources",
            "### Co-production",
            "### Partage",
            "### Co-gouvernance",
            "### Ce qui m’inspire",
            "### Ce qui me fait réfléchir",
            "### Ce qui me questionne",
            "### Vote par points",
            "## Idées libres",
            "## Carte des rôles",
            "### Communauté",
            "### Ressources",
            "### Co-production",
            "### Partage",
            "### Co-gouvernance",
            "## Déroulement");
  }

  @Test
  @DisplayName(
      "EX1 CL1 DV5 Markdown: a cluster's notes are listed once among the canvas's notes, under its"
          + " title; the canvas's vote ranks them again")
  void clusterNotesOnce() {
    String document = markdown.render(RichWorkshop.export(Language.FR), MONTREAL);
    assertThat(document)
        .contains(
            "### Regroupement : \\=Ce qui nous \\*tient\\*\n\n"
                + "- \\=cmd\\|' /C calc'!A0 — *Ana*\n"
                + "- Comité de 5 personnes — *Ana*\n")
        .contains("### Co-gouvernance\n\n*Aucune autre note.*\n");
    String notes = document.substring(0, document.indexOf("### Vote par points"));
    assertThat(notes.split("Comité de 5 personnes", -1)).hasSize(2);
    assertThat(document.substring(notes.length()))
        .contains("- **4.** Comité de 5 personnes — **1 point** (1 personne)\n");
  }

  @Test
  @DisplayName(
      "EX1 Markdown: a note cannot open a heading, a list, a link, HTML or emphasis; it stays text")
  void hostileTextStaysText() {
    String document = markdown.render(RichWorkshop.export(Language.FR), MONTREAL);
    // The headings are the export's own (see zoneOrder): "# Titre injecté" is not among them.
    assertThat(headings(document)).noneMatch(line -> line.contains("injecté"));
    assertThat(document)
        .contains("- \\# Titre injecté\\\n  \\## et un autre — *Élodie*\n")
        .contains(
            "- \\[clique\\](http://exemple.org) \\<script\\>alert(1)\\</script\\> \\*gras\\* — *Ana*")
        .contains("- \\-1 bénévole — *Élodie*")
        .contains("- \\=cmd\\|' /C calc'!A0 — *Ana*")
        .contains("- Café ☕ et entraide 🤝 à Montréal — *Ben \\*Tremblay\\**")
        .doesNotContain("<script>");
  }

  @Test
  @DisplayName("EX1 Markdown: every line-starting marker and inline character is escaped")
  void escaping() {
    assertThat(MarkdownText.inline("  # a\nb  ")).isEqualTo("\\# a b");
    assertThat(
            MarkdownText.lines(
                "> quote\n+ plus\n\n  ===\n1. one\n12) twelve\n`code` a_b ~x~ &amp;"))
        .containsExactly(
            "\\> quote",
            "\\+ plus",
            "\\===",
            "1\\. one",
            "12\\) twelve",
            "\\`code\\` a\\_b \\~x\\~ \\&amp;");
    assertThat(MarkdownText.lines("a | b \\ c")).containsExactly("a \\| b \\\\ c");
    assertThat(MarkdownText.lines(" \n\r\n ")).isEmpty();
  }

  @Test
  @DisplayName(
      "EX1 Markdown: the workshop's date is the day its agenda started, where the reader is")
  void dateInTheReadersZone() {
    WorkshopExport export = RichWorkshop.export(Language.FR);
    assertThat(ExportFileName.workshopDate(export, MONTREAL)).isEqualTo(LocalDate.of(2025, 12, 4));
    assertThat(ExportFileName.workshopDate(export, ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2025, 12, 5));
    assertThat(ExportLabels.FRENCH.date(LocalDate.of(2025, 12, 1))).isEqualTo("1er décembre 2025");
    assertThat(ExportLabels.ENGLISH.date(LocalDate.of(2025, 12, 1))).isEqualTo("December 1, 2025");
    assertThat(ExportLabels.FRENCH.duration(180)).isEqualTo("3 h");
    assertThat(ExportLabels.FRENCH.duration(135)).isEqualTo("2 h 15 min");
  }

  @Test
  @DisplayName(
      "EX1 DV3 Markdown: a closed vote ranks its notes after the canvas, ties sharing a rank,"
          + " texts escaped; an open one is only announced")
  void votes() {
    String document = markdown.render(RichWorkshop.export(Language.FR), MONTREAL);
    assertThat(document)
        .contains(
            "### Vote par points\n\n"
                + "*3 points par personne · au plus 2 par note · tout le canevas*\n\n"
                + "- **1.** Café ☕ et entraide 🤝 à Montréal — **3 points** (2 personnes)\n"
                + "- **1.** Autonomie — **3 points** (2 personnes)\n"
                + "- **3.** \\=cmd\\|' /C calc'!A0 — **2 points** (2 personnes)\n"
                + "- **4.** Comité de 5 personnes — **1 point** (1 personne)\n\n"
                + "*3 notes sans point.*\n")
        .contains("*Le vote est en cours : les résultats seront connus à sa clôture.*");
    String english = markdown.render(RichWorkshop.export(Language.EN), MONTREAL);
    assertThat(english)
        .contains("*2 dots per person · pillar Community · secret until closed*")
        .contains("- **3.** \\=cmd\\|' /C calc'!A0 — **2 dots** (2 people)\n");
  }

  @Test
  @DisplayName("EX1 RT9 Markdown ends with the speaking time of the last round, when there was one")
  void roundTableSummary() {
    var turns =
        List.of(
            new RoundTable.SpokenTurn(RichWorkshop.ANA, 0, 200_000, 200_000, false, false),
            new RoundTable.SpokenTurn(RichWorkshop.BEN, 0, 60_000, 60_000, false, false),
            new RoundTable.SpokenTurn(RichWorkshop.ELO, 0, 3_000, 3_000, true, false));
    RoundTable table = RoundTable.EMPTY;
    table =
        new RoundTable(
            table.order(), List.of(), 120_000, 15_000, 0L, 263_000L, null, List.of(), turns);
    WorkshopContent rich = RichWorkshop.content();
    FacilitationState a = rich.facilitation();
    FacilitationState withRound =
        FacilitationState.of(
                a.canvases(), a.groups(), a.roles(), a.agenda(), a.progress(), a.timer())
            .withRoundTable(table);
    WorkshopContent content = new WorkshopContent(rich.participants(), rich.notes(), withRound);

    String french =
        markdown.render(
            new WorkshopExport("Atelier", Language.FR, RichWorkshop.CREATED, content), MONTREAL);
    assertThat(french)
        .endsWith(
            "\n## Tour de table\n\n"
                + "- **Ana** : 3 min 20 s (1 tour)\n"
                + "- **Ben \\*Tremblay\\*** : 1 min (1 tour)\n"
                + "- **Élodie** : 3 s (1 tour, a passé son tour)\n"
                + "\nMinimum : 1 min · médiane : 2 min 10 s · maximum : 3 min 20 s\n"
                + "\nÉquité du temps de parole : 0,78 (1 : chaque personne a parlé aussi"
                + " longtemps ; vers 0 : une seule personne a pris le tour)\n");
    String english =
        markdown.render(
            new WorkshopExport("Workshop", Language.EN, RichWorkshop.CREATED, content), MONTREAL);
    assertThat(english).contains("\n## Round table\n\n- **Ana**: 3 min 20 s (1 turn)\n");
    assertThat(english).contains("Evenness of speaking time: 0.78 (1: everyone spoke as long;");
    assertThat(markdown.render(RichWorkshop.export(Language.FR), MONTREAL))
        .doesNotContain("Tour de table\n\n-");
  }
}
