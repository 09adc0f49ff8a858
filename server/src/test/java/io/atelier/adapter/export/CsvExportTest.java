package io.atelier.adapter.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.adapter.templates.TemplateCatalog;
import io.atelier.domain.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CSV export (EX1): RFC 4180, a byte order mark for Excel, and no formula ever runs. */
class CsvExportTest {
  private final CsvExport csv = new CsvExport(TemplateCatalog.load());

  /** A small RFC 4180 reader, to check that what was written reads back cell for cell. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("a bare line break outside quotes at %d", i).isNotIn('\r', '\n');
        cell.append(c);
      }
    }
    assertThat(quoted).as("every quote is closed").isFalse();
    assertThat(cell.length() + row.size()).as("the last record ends with CRLF").isZero();
    return rows;
  }

  @Test
  @DisplayName(
      "EX1 CL1 CSV: a BOM, the header, then one CRLF-ended row per live note, with its cluster")
  void rows() {
    String text = csv.render(RichWorkshop.export(Language.FR));
    assertThat(text)
        .startsWith("\uFEFFcanvas,pillar,zone,text,author,color,created_at,cluster,votes\r\n");
    List<List<String>> rows = parse(text.substring(1));
    assertThat(rows.get(0))
        .containsExactly(
            "canvas",
            "pillar",
            "zone",
            "text",
            "author",
            "color",
            "created_at",
            "cluster",
            "votes");
    assertThat(rows).hasSize(1 + RichWorkshop.notes().size());
    assertThat(rows.get(1))
        .containsExactly(
            "Canevas MSC",
            "cogovernance",
            "Co-gouvernance",
            "Comité de 5 personnes",
            "Ana",
            "yellow",
            "2025-11-30T22:10:00Z",
            "'=Ce qui nous *tient*",
            "1");
    assertThat(rows.get(3))
        .containsExactly(
            "Canevas MSC",
            "",
            "Mission, vision et valeurs",
            "Autonomie",
            "Élodie",
            "yellow",
            "2025-11-30T22:10:02Z",
            "",
            "3");
    assertThat(rows)
        .extracting(row -> row.get(0))
        .containsSubsequence("Canevas MSC", "Groupe A : autre plateforme", "Idées libres");
  }

  @Test
  @DisplayName(
      "EX1 DV3 CSV: votes holds a note's dots in its canvas's closed vote, empty when it was in"
          + " none (an open vote counts nothing yet)")
  void votesColumn() {
    List<List<String>> rows = parse(csv.render(RichWorkshop.export(Language.FR)).substring(1));
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.get(3).lines().findFirst().orElse("") + "=" + row.get(8))
        .containsExactly(
            "Comité de 5 personnes=1",
            RichWorkshop.EMOJI + "=3",
            "Autonomie=3",
            "'" + RichWorkshop.HOSTILE_FORMULA + "=2",
            "Il a dit \"oui\", puis non=0",
            "# Titre injecté=0",
            RichWorkshop.HOSTILE_LINK + "=0",
            "Leur wiki=",
            "'-1 bénévole=",
            "  =");
  }

  @Test
  @DisplayName("EX1 CSV: quotes, commas and line breaks survive; accents and emoji stay UTF-8")
  void hostileText() {
    List<List<String>> rows = parse(csv.render(RichWorkshop.export(Language.FR)).substring(1));
    List<String> mixed = rows.stream().filter(r -> r.get(0).equals("Canevas MSC")).toList().get(4);
    assertThat(mixed.get(3)).isEqualTo(RichWorkshop.HOSTILE_MIXED);
    assertThat(mixed.get(1)).isEqualTo("coproduction");
    assertThat(mixed.get(6)).as("a note from before times were recorded").isEmpty();
    assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).isEqualTo(RichWorkshop.EMOJI));
    assertThat(rows)
        .anySatisfy(row -> assertThat(row.get(3)).isEqualTo(RichWorkshop.HOSTILE_HEADING));
    // Outside any zone: no pillar, no zone.
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.get(3)).isEqualTo(RichWorkshop.HOSTILE_LINK);
              assertThat(row.subList(1, 3)).containsExactly("", "");
            });
  }

  @Test
  @DisplayName("EX1 CSV: a cell starting with = + - @ gets an apostrophe, so it is never a formula")
  void formulaInjection() {
    List<List<String>> rows = parse(csv.render(RichWorkshop.export(Language.EN)).substring(1));
    assertThat(rows)
        .anySatisfy(row -> assertThat(row.get(3)).isEqualTo("'" + RichWorkshop.HOSTILE_FORMULA));
    assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).isEqualTo("'-1 bénévole"));
    for (String risky : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
      assertThat(CsvExport.field(risky)).as(risky).matches("(?s)\"?'.*");
    }
    assertThat(CsvExport.field("=HYPERLINK(\"http://x\",\"a,b\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"");
    assertThat(CsvExport.field("a = b")).isEqualTo("a = b");
    assertThat(CsvExport.field("")).isEmpty();
    // Names and canvas names are cells too.
    for (List<String> row : rows) {
      for (String cell : row) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        if (!cell.equals("")) {
          assertThat(cell.charAt(0)).isNotEqualTo('-');
        }
      }
    }
  }
}
