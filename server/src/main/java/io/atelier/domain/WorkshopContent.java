package io.atelier.domain;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a workshop holds, without its identity, history or presence: what an export carries and an
 * import restores (EX2). Participants keep their ids, names and colours so that authorship and
 * groups survive; their token hashes are whatever the importing side gives them.
 */
public record WorkshopContent(
    List<Participant> participants, List<Note> notes, FacilitationState facilitation)
    implements Serializable {
  public WorkshopContent {
    participants = List.copyOf(participants);
    notes = List.copyOf(notes);
    if (facilitation == null) {
      throw new InvalidValueException("facilitation is required");
    }
  }

  /**
   * Checks what the records cannot check one by one (EX2): ids are unique, every reference names
   * something that is there, and only live things travel. A workshop's own content always passes; a
   * document from outside may not, and is refused before any workshop is created for it.
   */
  public WorkshopContent requireConsistent() {
    Set<ParticipantId> people = new HashSet<>();
    for (Participant participant : participants) {
      unique(people, participant.id(), "participants");
    }
    FacilitationState arranged = facilitation;
    if (arranged.canvases().isEmpty()) {
      throw new InvalidValueException("a workshop has at least one canvas");
    }
    if (arranged.canvases().size() > Canvas.MAX_CANVASES) {
      throw new InvalidValueException(
          "a workshop holds at most " + Canvas.MAX_CANVASES + " canvases");
    }
    Set<String> canvases = new HashSet<>();
    for (Canvas canvas : arranged.canvases()) {
      unique(canvases, canvas.id(), "canvases");
      if (canvas.deleted()) {
        throw new InvalidValueException("canvas " + canvas.id() + " is deleted");
      }
    }
    Set<String> noteIds = new HashSet<>();
    Map<String, String> canvasOfNote = new HashMap<>();
    for (Note note : notes) {
      unique(noteIds, note.id(), "notes");
      canvasOfNote.put(note.id(), note.canvasId());
      if (note.deleted()) {
        throw new InvalidValueException("note " + note.id() + " is deleted");
      }
      known(canvases, note.canvasId(), "note " + note.id() + " is on");
      if (note.createdBy() != null) { // PW2: an anonymous canvas's notes name nobody
        known(people, note.createdBy(), "note " + note.id() + " was written by");
      }
    }
    for (Map.Entry<ParticipantId, String> group : arranged.groups().entrySet()) {
      known(people, group.getKey(), "a group holds");
      known(canvases, group.getValue(), "participant " + group.getKey() + " is in the group of");
    }
    Set<String> markers = new HashSet<>();
    for (RoleMarker marker : arranged.roles()) {
      known(people, marker.participantId(), "a role marker is of");
      unique(markers, marker.participantId() + " " + marker.pillar().code(), "role markers");
    }
    Set<ParticipantId> remote = new HashSet<>();
    for (ParticipantId id : arranged.remote()) {
      known(people, id, "the remote people name");
      unique(remote, id, "remote people");
    }
    arranged.membership().access().keySet().forEach(id -> known(people, id, "an access is of"));
    arranged.membership().removed().forEach(id -> known(people, id, "the removed people name"));
    clustersConsistent(arranged.clusters(), canvases, canvasOfNote);
    if (arranged.agenda().size() > Change.SetAgenda.MAX_STEPS) {
      throw new InvalidValueException(
          "an agenda holds at most " + Change.SetAgenda.MAX_STEPS + " steps");
    }
    Set<String> steps = new HashSet<>();
    for (AgendaStep step : arranged.agenda()) {
      unique(steps, step.id(), "steps");
    }
    String current = arranged.progress().currentStepId();
    if (current != null) {
      known(steps, current, "the current step is");
    }
    // DV: one vote per canvas, each id once, dots of people of the workshop.
    Set<String> votedCanvases = new HashSet<>();
    Set<String> voteIds = new HashSet<>();
    for (Vote vote : arranged.votes()) {
      known(canvases, vote.canvasId(), "vote " + vote.id() + " is on");
      if (!votedCanvases.add(vote.canvasId())) {
        throw new InvalidValueException("canvas " + vote.canvasId() + " has two votes");
      }
      unique(voteIds, vote.id(), "votes");
      vote.dots().forEach(d -> known(people, d.participantId(), "a dot was given by"));
    }
    RoundTable table = arranged.roundTable();
    table.order().forEach(id -> known(people, id, "the speaking order names"));
    table.hands().forEach(id -> known(people, id, "a raised hand is of"));
    table.passed().forEach(id -> known(people, id, "a passed turn is of"));
    table.turns().forEach(turn -> known(people, turn.participantId(), "a turn was spoken by"));
    if (table.current() != null) {
      known(people, table.current().participantId(), "the current speaker is");
    }
    return this;
  }

  /** CL1, CL3: clusters of live canvases, holding notes of their canvas, each in one cluster. */
  private static void clustersConsistent(
      List<Cluster> clusters, Set<String> canvases, Map<String, String> canvasOfNote) {
    Set<String> ids = new HashSet<>();
    Set<String> clustered = new HashSet<>();
    for (Cluster cluster : clusters) {
      unique(ids, cluster.id(), "clusters");
      known(canvases, cluster.canvasId(), "cluster " + cluster.id() + " is on");
      for (String noteId : cluster.noteIds()) {
        known(canvasOfNote.keySet(), noteId, "cluster " + cluster.id() + " holds");
        if (!canvasOfNote.get(noteId).equals(cluster.canvasId())) {
          throw new InvalidValueException(
              "cluster " + cluster.id() + " holds note " + noteId + " of another canvas");
        }
        if (!clustered.add(noteId)) {
          throw new InvalidValueException("note " + noteId + " is in two clusters");
        }
      }
    }
  }

  private static <T> void unique(Set<T> seen, T id, String things) {
    if (!seen.add(id)) {
      throw new InvalidValueException("two " + things + " have the id " + id);
    }
  }

  private static <T> void known(Set<T> present, T id, String what) {
    if (!present.contains(id)) {
      throw new InvalidValueException(what + " " + id + ", which is not in the workshop");
    }
  }
}
