package io.atelier.adapter.export;

import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.Language;
import io.atelier.domain.Membership;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Privacy;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import io.atelier.domain.Vote;
import io.atelier.domain.WorkshopContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workshop with something of everything, built from domain records: three canvases from the three
 * templates, a note in every zone (and one outside), hostile texts, groups, roles, an agenda whose
 * second step is current, a paused timer, a locked canvas and a locked note (LK1, LK2), a cluster
 * of two notes of the MSC canvas whose title is hostile too (CL1), a closed public dot vote on the
 * MSC canvas and a secret one still open on a pillar of the other canvas.
 */
final class RichWorkshop {
  /** 2025-12-05 00:30 UTC: still the 4th in Montréal. */
  static final long STARTED = 1_764_894_600_000L;

  static final long CREATED = 1_764_540_000_000L; // 2025-11-30 22:00 UTC

  static final ParticipantId ANA = new ParticipantId("p-ana");
  static final ParticipantId BEN = new ParticipantId("p-ben");
  static final ParticipantId ELO = new ParticipantId("p-elo");

  static final String HOSTILE_HEADING = "# Titre injecté\n## et un autre";
  static final String HOSTILE_FORMULA = "=cmd|' /C calc'!A0";
  static final String HOSTILE_MIXED = "Il a dit \"oui\", puis non\nligne 2, avec virgule";
  static final String HOSTILE_LINK =
      "[clique](http://exemple.org) <script>alert(1)</script> *gras*";
  static final String EMOJI = "Café ☕ et entraide 🤝 à Montréal";

  private RichWorkshop() {}

  static List<Participant> participants() {
    return List.of(
        new Participant(ANA, "Ana", "#d9480f", "hash-ana"),
        new Participant(BEN, "Ben *Tremblay*", "#1971c2", "hash-ben"),
        new Participant(ELO, "Élodie", "#2f9e44", "hash-elo"));
  }

  static List<Canvas> canvases() {
    return List.of(
        new Canvas("main", "Canevas MSC", "msc", CREATED, false),
        new Canvas(
            "c-a",
            "Groupe A : autre plateforme",
            "analyse-platform",
            CREATED + 60_000,
            false,
            true),
        new Canvas("c-b", "Idées libres", "blank", CREATED + 120_000, false));
  }

  /** A note whose centre is at (cx, cy). */
  static Note note(
      String id,
      String canvas,
      double cx,
      double cy,
      String text,
      ParticipantId by,
      long z,
      long at) {
    return new Note(
        id, canvas, cx - 100, cy - 70, 200, 140, text, NoteColor.YELLOW, z, by, at, false);
  }

  static List<Note> notes() {
    List<Note> notes = new ArrayList<>();
    long t = CREATED + 600_000;
    // main (MSC): listed out of the model's order on purpose.
    notes.add(note("n-gov", "main", 900, 0, "Comité de 5 personnes", ANA, 1, t));
    notes.add(note("n-com", "main", -450, -280, EMOJI, BEN, 2, t + 1000));
    Note values = note("n-val", "main", 0, 0, "Autonomie", ELO, 3, t + 2000);
    notes.add(
        new Note(
            values.id(),
            values.canvasId(),
            values.x(),
            values.y(),
            values.width(),
            values.height(),
            values.text(),
            values.color(),
            values.z(),
            values.createdBy(),
            values.createdAt(),
            false,
            true));
    notes.add(note("n-res", "main", 0, 600, HOSTILE_FORMULA, ANA, 4, t + 3000));
    notes.add(note("n-cop", "main", 0, -600, HOSTILE_MIXED, BEN, 5, 0));
    notes.add(note("n-sha", "main", -900, 0, HOSTILE_HEADING, ELO, 6, t + 4000));
    notes.add(note("n-out", "main", 5000, 5000, HOSTILE_LINK, ANA, 7, t + 5000));
    // c-a (analyse another platform): a pillar and a non-pillar zone.
    notes.add(
        new Note(
            "n-ins",
            "c-a",
            1550,
            -570,
            200,
            140,
            "Leur wiki",
            NoteColor.GREEN,
            8,
            BEN,
            t + 6000,
            false));
    notes.add(note("n-a-com", "c-a", 0, -300, "-1 bénévole", ELO, 9, t + 7000));
    // c-b (blank).
    notes.add(note("n-free", "c-b", 10, 10, "  \n", ANA, 10, t + 8000));
    return notes;
  }

  static List<AgendaStep> agenda() {
    return List.of(
        new AgendaStep(
            "s-1",
            StepKind.TEXT,
            "Reconnaissance territoriale",
            "Nous **reconnaissons**…",
            5,
            null,
            null),
        new AgendaStep("s-2", StepKind.CANVAS, "Notre plateforme", "", 50, "msc", 10),
        new AgendaStep("s-3", StepKind.BREAK, "Pause", "", 15, null, null));
  }

  /**
   * DV: on main, 3 dots each, at most 2 a note: n-com and n-val tie at 3 dots from 2 people each,
   * then n-res (2), n-gov (1), and three notes without a dot. On c-a, a secret vote on community.
   */
  static List<Vote> votes() {
    Vote main =
        Vote.opened(
            "v-main",
            "main",
            null,
            3,
            2,
            false,
            STARTED + 600_000,
            notes().stream()
                .filter(n -> n.canvasId().equals("main"))
                .sorted(java.util.Comparator.comparingLong(Note::createdAt))
                .map(Note::id)
                .toList());
    main = main.withDot(ANA, "n-com", 1).withDot(ANA, "n-com", 1).withDot(ANA, "n-val", 1);
    main = main.withDot(BEN, "n-val", 1).withDot(BEN, "n-val", 1).withDot(BEN, "n-res", 1);
    main = main.withDot(ELO, "n-com", 1).withDot(ELO, "n-res", 1).withDot(ELO, "n-gov", 1);
    main = main.closed(STARTED + 900_000, main.rank(noteId -> true));
    Vote pillar =
        Vote.opened(
            "v-a", "c-a", Pillar.COMMUNITY, 2, null, true, STARTED + 950_000, List.of("n-a-com"));
    return List.of(main, pillar);
  }

  static WorkshopContent content() {
    return new WorkshopContent(
        participants(),
        notes(),
        new FacilitationState(
            canvases(),
            Map.of(ANA, "c-a", BEN, "c-a", ELO, "main"),
            List.of(
                new RoleMarker(ANA, Pillar.SHARING, "Je documente"),
                new RoleMarker(ANA, Pillar.COMMUNITY, ""),
                new RoleMarker(BEN, Pillar.SHARING, "=2+2")),
            agenda(),
            new Progress("s-2", STARTED + 300_000, STARTED, false, Pillar.RESOURCES),
            new Timer(Timer.Status.PAUSED, 600_000, null, 420_000L),
            RoundTable.EMPTY,
            List.of(BEN),
            Membership.OPEN,
            Privacy.NONE,
            clusters(),
            votes()));
  }

  /** CL1: the governance and the resources notes of the MSC canvas, gathered. */
  static List<Cluster> clusters() {
    return List.of(new Cluster("k-1", "main", "=Ce qui nous *tient*", List.of("n-res", "n-gov")));
  }

  static WorkshopExport export(Language language) {
    return new WorkshopExport(
        "Atelier MSC : « Plateformes » d'hiver", language, CREATED, content());
  }
}
