package io.atelier.protocol;

import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Cluster;
import io.atelier.domain.NotePosition;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import java.util.List;

/**
 * The wire shapes of what a facilitator arranges (docs/protocol.md, CV, RM, AG, TM, RT, LK and CL).
 */
public final class WireFacilitation {
  private WireFacilitation() {}

  /** A canvas; {@code locked} is LK1. */
  public record WireCanvas(
      String id, String name, String template, long createdAt, boolean locked) {
    public static WireCanvas of(Canvas canvas) {
      return new WireCanvas(
          canvas.id(), canvas.name(), canvas.templateId(), canvas.createdAt(), canvas.locked());
    }
  }

  /** CL1. */
  public record WireCluster(String id, String canvasId, String title, List<String> noteIds) {
    public static WireCluster of(Cluster cluster) {
      return new WireCluster(cluster.id(), cluster.canvasId(), cluster.title(), cluster.noteIds());
    }
  }

  /** CL5: where a note of a moved cluster now is. */
  public record WirePosition(String noteId, double x, double y) {
    public static WirePosition of(NotePosition position) {
      return new WirePosition(position.noteId(), position.x(), position.y());
    }
  }

  public record WireRole(String participantId, String pillar, String role) {
    public static WireRole of(RoleMarker marker) {
      return new WireRole(marker.participantId().value(), marker.pillar().code(), marker.role());
    }
  }

  /** An agenda step, both ways: {@code set_agenda} sends them, {@code agenda_set} returns them. */
  public record WireStep(
      String id,
      String kind,
      String title,
      String body,
      Integer minutes,
      String template,
      Integer pillarMinutes) {
    public static WireStep of(AgendaStep step) {
      return new WireStep(
          step.id(),
          step.kind().code(),
          step.title(),
          step.body(),
          step.minutes(),
          step.templateId(),
          step.pillarMinutes());
    }

    public AgendaStep toStep() {
      return new AgendaStep(
          id,
          StepKind.fromCode(ClientMessage.require(kind, "kind")),
          title,
          body == null ? "" : body,
          ClientMessage.require(minutes, "minutes"),
          template,
          pillarMinutes);
    }
  }

  public record WireProgress(
      String currentStepId,
      Long stepStartedAt,
      Long agendaStartedAt,
      boolean roaming,
      String focusPillar) {
    public static WireProgress of(Progress progress) {
      return new WireProgress(
          progress.currentStepId(),
          progress.stepStartedAt(),
          progress.agendaStartedAt(),
          progress.roaming(),
          pillar(progress.focusPillar()));
    }
  }

  public record WireTimer(String status, long durationMs, Long deadline, Long remainingMs) {
    public static WireTimer of(Timer timer) {
      return new WireTimer(
          timer.status().code(), timer.durationMs(), timer.deadline(), timer.remainingMs());
    }
  }

  /** RT8: the whole round table; {@code current} is null while no round runs. */
  public record WireRoundTable(
      List<String> order,
      List<String> hands,
      long turnMs,
      long warningMs,
      Long startedAt,
      Long endedAt,
      WireTurn current,
      List<String> passed,
      List<WireSpokenTurn> turns) {
    public static WireRoundTable of(RoundTable table) {
      return new WireRoundTable(
          ids(table.order()),
          ids(table.hands()),
          table.turnMs(),
          table.warningMs(),
          table.startedAt(),
          table.endedAt(),
          table.current() == null ? null : WireTurn.of(table.current()),
          ids(table.passed()),
          table.turns().stream().map(WireSpokenTurn::of).toList());
    }
  }

  /** The running turn: a deadline while it runs, what is left while paused (RT8). */
  public record WireTurn(
      String participantId,
      long startedAt,
      long durationMs,
      Long deadline,
      Long remainingMs,
      Long resumedAt,
      long spokenMs,
      boolean secondChance) {
    static WireTurn of(RoundTable.Turn turn) {
      return new WireTurn(
          turn.participantId().value(),
          turn.startedAt(),
          turn.durationMs(),
          turn.deadline(),
          turn.remainingMs(),
          turn.resumedAt(),
          turn.spokenMs(),
          turn.secondChance());
    }
  }

  public record WireSpokenTurn(
      String participantId,
      long startedAt,
      long endedAt,
      long spokenMs,
      boolean passed,
      boolean secondChance) {
    static WireSpokenTurn of(RoundTable.SpokenTurn turn) {
      return new WireSpokenTurn(
          turn.participantId().value(),
          turn.startedAt(),
          turn.endedAt(),
          turn.spokenMs(),
          turn.passed(),
          turn.secondChance());
    }
  }

  private static List<String> ids(List<ParticipantId> ids) {
    return ids.stream().map(ParticipantId::value).toList();
  }

  static String pillar(Pillar pillar) {
    return pillar == null ? null : pillar.code();
  }
}
