package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an import must hold together (EX2), beyond what each record checks. */
class WorkshopContentTest {
  private static final ParticipantId ANA = new ParticipantId("p-ana");
  private static final Participant PERSON = new Participant(ANA, "Ana", "#d9480f", "h");
  private static final Canvas MAIN = new Canvas("main", "Canevas", "msc", 0, false);
  private static final Note NOTE =
      new Note("n-1", "main", 0, 0, 200, 140, "x", NoteColor.YELLOW, 1, ANA, 0, false);
  private static final AgendaStep STEP =
      new AgendaStep("s-1", StepKind.TEXT, "Accueil", "", 5, null, null);

  private static WorkshopContent content(
      List<Participant> people,
      List<Note> notes,
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      String currentStep) {
    return new WorkshopContent(
        people,
        notes,
        FacilitationState.of(
            canvases,
            groups,
            roles,
            List.of(STEP),
            new Progress(currentStep, null, null, false, null),
            Timer.STOPPED));
  }

  @Test
  @DisplayName("EX2 a workshop's own content holds together")
  void ownContent() {
    WorkshopState state =
        new WorkshopState(new WorkshopFacts(new WorkshopId("w"), "T", Language.FR, "k", 0));
    assertThat(state.content().requireConsistent()).isEqualTo(state.content());
    WorkshopContent full =
        content(
            List.of(PERSON),
            List.of(NOTE),
            List.of(MAIN),
            Map.of(ANA, "main"),
            List.of(new RoleMarker(ANA, Pillar.SHARING, "")),
            "s-1");
    assertThat(full.requireConsistent()).isSameAs(full);
  }

  @Test
  @DisplayName("EX2 dangling references, repeated ids and deleted things are refused")
  void refused() {
    Participant twin = new Participant(ANA, "Ana bis", "#000000", "h2");
    Note stray = new Note("n-2", "ghost", 0, 0, 200, 140, "x", NoteColor.YELLOW, 1, ANA, 0, false);
    Note orphan =
        new Note(
            "n-3",
            "main",
            0,
            0,
            200,
            140,
            "x",
            NoteColor.YELLOW,
            1,
            new ParticipantId("p-x"),
            0,
            false);
    Note deleted = new Note("n-4", "main", 0, 0, 200, 140, "x", NoteColor.YELLOW, 1, ANA, 0, true);
    Canvas gone = new Canvas("c-gone", "Gone", "blank", 0, true);
    List<WorkshopContent> bad =
        List.of(
            content(List.of(PERSON, twin), List.of(), List.of(MAIN), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(stray), List.of(MAIN), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(orphan), List.of(MAIN), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(deleted), List.of(MAIN), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(NOTE, NOTE), List.of(MAIN), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(), List.of(MAIN, gone), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(), List.of(), Map.of(), List.of(), null),
            content(List.of(PERSON), List.of(), List.of(MAIN), Map.of(ANA, "c-x"), List.of(), null),
            content(
                List.of(),
                List.of(),
                List.of(MAIN),
                Map.of(),
                List.of(new RoleMarker(ANA, Pillar.SHARING, "")),
                null),
            content(
                List.of(PERSON),
                List.of(),
                List.of(MAIN),
                Map.of(),
                List.of(
                    new RoleMarker(ANA, Pillar.SHARING, "a"),
                    new RoleMarker(ANA, Pillar.SHARING, "b")),
                null),
            content(List.of(PERSON), List.of(), List.of(MAIN), Map.of(), List.of(), "s-9"));
    for (WorkshopContent content : bad) {
      assertThatThrownBy(content::requireConsistent)
          .as(content.toString())
          .isInstanceOf(InvalidValueException.class);
    }
  }
}
