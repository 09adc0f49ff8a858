package io.atelier.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything a facilitator arranges, as plain data: canvases (tombstones included), who is in which
 * canvas's group, the role map, the agenda, where the workshop is in it, the timer and the round
 * table, who takes part from a distance, who may do what (RO), which canvases are private (PW), the
 * clusters of notes (CL1) and the dot votes (DV1). It travels in snapshots, checkpoints and exports
 * alike.
 */
public record FacilitationState(
    List<Canvas> canvases,
    Map<ParticipantId, String> groups,
    List<RoleMarker> roles,
    List<AgendaStep> agenda,
    Progress progress,
    Timer timer,
    RoundTable roundTable,
    List<ParticipantId> remote,
    Membership membership,
    Privacy privacy,
    List<Cluster> clusters,
    List<Vote> votes)
    implements Serializable {
  /** An arrangement from before dot voting (DV): clusters, no vote. */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer,
      RoundTable roundTable,
      List<ParticipantId> remote,
      Membership membership,
      Privacy privacy,
      List<Cluster> clusters) {
    this(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        remote,
        membership,
        privacy,
        clusters,
        List.of());
  }

  /** An arrangement without clusters (an export or test from before CL1) nor votes. */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer,
      RoundTable roundTable,
      List<ParticipantId> remote,
      Membership membership,
      Privacy privacy) {
    this(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        remote,
        membership,
        privacy,
        List.of(),
        List.of());
  }

  /** An arrangement from before private writing (PW): every canvas public. */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer,
      RoundTable roundTable,
      List<ParticipantId> remote,
      Membership membership) {
    this(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        remote,
        membership,
        Privacy.NONE);
  }

  /** An arrangement from before roles and joining rules (RO): open, everyone a participant. */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer,
      RoundTable roundTable,
      List<ParticipantId> remote) {
    this(canvases, groups, roles, agenda, progress, timer, roundTable, remote, Membership.OPEN);
  }

  /** An arrangement that does not say who is remote (an export or test from before AT1). */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer,
      RoundTable roundTable) {
    this(canvases, groups, roles, agenda, progress, timer, roundTable, List.of(), Membership.OPEN);
  }

  /** An arrangement without a round table (an export or test from before issue 5). */
  public FacilitationState(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer) {
    this(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        RoundTable.EMPTY,
        List.of(),
        Membership.OPEN);
  }

  public FacilitationState {
    canvases = List.copyOf(canvases);
    groups = Map.copyOf(groups);
    roles = List.copyOf(roles);
    agenda = List.copyOf(agenda);
    remote = remote == null ? List.of() : List.copyOf(remote);
    membership = membership == null ? Membership.OPEN : membership;
    privacy = privacy == null ? Privacy.NONE : privacy;
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    votes = votes == null ? List.of() : List.copyOf(votes);
    if (progress == null || timer == null || roundTable == null) {
      throw new InvalidValueException("progress, timer and round table are required");
    }
  }

  /** Only what is alive: snapshots and exports leave deleted canvases out. */
  public FacilitationState live() {
    List<Canvas> live = canvases.stream().filter(canvas -> !canvas.deleted()).toList();
    return new FacilitationState(
        live,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        remote,
        membership,
        privacy,
        clusters,
        votes.stream()
            .filter(vote -> live.stream().anyMatch(c -> c.id().equals(vote.canvasId())))
            .toList());
  }

  /** DV4: as {@code reader} may see it: a secret vote's dots are each voter's own. */
  public FacilitationState readBy(ParticipantId reader) {
    return new FacilitationState(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        remote,
        membership,
        privacy,
        clusters,
        votes.stream().map(vote -> vote.readBy(reader)).toList());
  }
}
