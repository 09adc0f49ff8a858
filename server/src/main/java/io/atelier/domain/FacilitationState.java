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
  /**
   * The arrangement of the six parts every workshop has had from the start, and nothing of what
   * came later (no round table, nobody remote, open, every canvas public, no cluster, no vote).
   * Reading older documents and tests start here and add with the {@code with…} methods, instead of
   * one constructor per added field.
   */
  public static FacilitationState of(
      List<Canvas> canvases,
      Map<ParticipantId, String> groups,
      List<RoleMarker> roles,
      List<AgendaStep> agenda,
      Progress progress,
      Timer timer) {
    return new FacilitationState(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        RoundTable.EMPTY,
        List.of(),
        Membership.OPEN,
        Privacy.NONE,
        List.of(),
        List.of());
  }

  public FacilitationState withRoundTable(RoundTable newRoundTable) {
    return new FacilitationState(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        newRoundTable,
        remote,
        membership,
        privacy,
        clusters,
        votes);
  }

  public FacilitationState withRemote(List<ParticipantId> newRemote) {
    return new FacilitationState(
        canvases,
        groups,
        roles,
        agenda,
        progress,
        timer,
        roundTable,
        newRemote,
        membership,
        privacy,
        clusters,
        votes);
  }

  public FacilitationState withClusters(List<Cluster> newClusters) {
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
        newClusters,
        votes);
  }

  public FacilitationState withVotes(List<Vote> newVotes) {
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
        newVotes);
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
    return withVotes(votes.stream().map(vote -> vote.readBy(reader)).toList());
  }
}
