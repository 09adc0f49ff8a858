package io.atelier.adapter.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.domain.FacilitationState;
import io.atelier.domain.Language;
import io.atelier.domain.RoundTable;
import io.atelier.domain.WorkshopContent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The speaking-time CSV (EX1, RT9): one row per person, the same summary as the Markdown. */
class SpeakingCsvTest {

  private static WorkshopExport withTurns(List<RoundTable.SpokenTurn> turns) {
    WorkshopContent rich = RichWorkshop.content();
    FacilitationState a = rich.facilitation();
    RoundTable table =
        new RoundTable(
            List.of(RichWorkshop.ANA, RichWorkshop.BEN, RichWorkshop.ELO),
            List.of(),
            120_000,
            15_000,
            0L,
            300_000L,
            null,
            List.of(),
            turns);
    FacilitationState arranged =
        FacilitationState.of(
                a.canvases(), a.groups(), a.roles(), a.agenda(), a.progress(), a.timer())
            .withRoundTable(table)
            .withRemote(a.remote());
    return new WorkshopExport(
        "Atelier",
        Language.FR,
        RichWorkshop.CREATED,
        new WorkshopContent(rich.participants(), rich.notes(), arranged));
  }

  @Test
  @DisplayName("EX1 RT9 speaking CSV: totals, turns, passes and shares; who had no turn is listed")
  void rows() {
    String csv =
        SpeakingCsv.render(
            withTurns(
                List.of(
                    new RoundTable.SpokenTurn(RichWorkshop.ANA, 0, 200_000, 200_000, false, false),
                    new RoundTable.SpokenTurn(RichWorkshop.ELO, 0, 3_000, 3_000, true, false),
                    new RoundTable.SpokenTurn(RichWorkshop.ELO, 0, 60_000, 60_000, false, true))));

    assertThat(csv).startsWith(CsvExport.BYTE_ORDER_MARK + SpeakingCsv.HEADER + "\r\n");
    assertThat(CsvExportTest.parse(csv.substring(1)))
        .containsExactly(
            List.of(SpeakingCsv.HEADER.split(",")),
            List.of("p-ana", "Ana", "false", "1", "0", "true", "200", "76.0"),
            List.of("p-elo", "Élodie", "false", "2", "1", "true", "63", "24.0"),
            List.of("p-ben", "Ben *Tremblay*", "true", "0", "0", "false", "0", "0.0"));
  }

  @Test
  @DisplayName("EX1 RT9 speaking CSV: before any round, the order alone, everyone at zero")
  void noRound() {
    assertThat(CsvExportTest.parse(SpeakingCsv.render(withTurns(List.of())).substring(1)))
        .hasSize(4)
        .allSatisfy(row -> assertThat(row).hasSize(8));
  }
}
