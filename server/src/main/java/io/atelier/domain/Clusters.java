package io.atelier.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The clusters of a workshop and their rules (CL1 to CL5). {@link Facilitation} keeps them, so that
 * they travel with what the facilitator arranges; {@link WorkshopState} lends them its notes to
 * decide with, and moves the notes of a moved cluster. Replaying an event keeps the two invariants:
 * a note is in at most one cluster, and a cluster holds at least one note.
 */
final class Clusters implements Serializable {
  private final LinkedHashMap<String, Cluster> byId = new LinkedHashMap<>();

  /**
   * Decides one cluster change without applying it; throws {@link Facilitation.Refusal} when the
   * model refuses it. {@code notes} finds a note (tombstones included) by id; {@code isPrivate}
   * says which canvases are in private writing (PW1), where clusters cannot change (CL6).
   */
  Event decide(
      ParticipantId author,
      Change.ClusterChange change,
      long next,
      Function<String, Note> notes,
      Predicate<String> isLiveCanvas,
      Predicate<String> isPrivate) {
    String changeId = change.changeId();
    if (change instanceof Change.CreateCluster c) {
      if (byId.containsKey(c.clusterId())) {
        throw new Facilitation.Refusal(
            RejectionCode.CLUSTER_EXISTS, "Cluster " + c.clusterId() + " exists.");
      }
      if (!isLiveCanvas.test(c.canvasId())) {
        throw new Facilitation.Refusal(
            RejectionCode.UNKNOWN_CANVAS, "No canvas " + c.canvasId() + ".");
      }
      notPrivate(c.canvasId(), isPrivate);
      requireNotesOn(c.canvasId(), c.noteIds(), notes);
      Cluster cluster = new Cluster(c.clusterId(), c.canvasId(), c.title(), c.noteIds());
      return new Event.ClusterChanged(next, changeId, author, cluster);
    }
    Cluster cluster = byId.get(change.clusterId());
    if (cluster == null) {
      throw new Facilitation.Refusal(
          RejectionCode.UNKNOWN_CLUSTER, "No cluster " + change.clusterId() + ".");
    }
    notPrivate(cluster.canvasId(), isPrivate);
    if (change instanceof Change.RenameCluster r) {
      return new Event.ClusterChanged(next, changeId, author, cluster.renamed(r.title()));
    }
    if (change instanceof Change.AddToCluster a) {
      requireNotesOn(cluster.canvasId(), a.noteIds(), notes);
      LinkedHashSet<String> members = new LinkedHashSet<>(cluster.noteIds());
      members.addAll(a.noteIds());
      return new Event.ClusterChanged(
          next, changeId, author, cluster.withNotes(List.copyOf(members)));
    }
    if (change instanceof Change.RemoveFromCluster r) {
      List<String> left =
          cluster.noteIds().stream().filter(id -> !r.noteIds().contains(id)).toList();
      return left.isEmpty()
          ? new Event.ClusterDissolved(next, changeId, author, cluster.id())
          : new Event.ClusterChanged(next, changeId, author, cluster.withNotes(left));
    }
    if (change instanceof Change.DissolveCluster) {
      return new Event.ClusterDissolved(next, changeId, author, cluster.id());
    }
    Change.MoveCluster move = (Change.MoveCluster) change;
    List<NotePosition> positions = new ArrayList<>();
    for (String id : cluster.noteIds()) {
      Note note = notes.apply(id);
      if (note != null && !note.deleted()) {
        // NT6: at the edge of the canvas a note stops; the others still move.
        positions.add(
            new NotePosition(id, clamp(note.x() + move.dx()), clamp(note.y() + move.dy())));
      }
    }
    return new Event.ClusterMoved(
        next, changeId, author, cluster.id(), move.dx(), move.dy(), positions);
  }

  /** Applies a committed event that concerns clusters; any other event changes nothing here. */
  void replay(Event event) {
    if (event instanceof Event.ClusterChanged e) {
      Cluster cluster = e.cluster();
      for (String noteId : cluster.noteIds()) {
        takeOut(noteId, cluster.id());
      }
      byId.put(cluster.id(), cluster);
    } else if (event instanceof Event.ClusterDissolved e) {
      byId.remove(e.clusterId());
    } else if (event instanceof Event.NoteDeleted e) {
      takeOut(e.noteId(), null); // CL4: a deleted note leaves its cluster
    } else if (event instanceof Event.CanvasDeleted e) {
      byId.values().removeIf(cluster -> cluster.canvasId().equals(e.canvasId()));
    }
  }

  List<Cluster> list() {
    return List.copyOf(byId.values());
  }

  void install(List<Cluster> clusters) {
    byId.clear();
    clusters.forEach(cluster -> byId.put(cluster.id(), cluster));
  }

  /** Takes a note out of any cluster but {@code keep}; a cluster left empty is gone (CL3). */
  private void takeOut(String noteId, String keep) {
    for (Cluster cluster : List.copyOf(byId.values())) {
      if (!cluster.id().equals(keep) && cluster.noteIds().contains(noteId)) {
        List<String> left = cluster.noteIds().stream().filter(id -> !id.equals(noteId)).toList();
        if (left.isEmpty()) {
          byId.remove(cluster.id());
        } else {
          byId.put(cluster.id(), cluster.withNotes(left));
        }
      }
    }
  }

  /**
   * CL6: on a canvas in private writing each reader sees other notes, so a cluster's note ids and a
   * move's positions would tell them about notes hidden from them; the check comes before any note
   * is looked at, so that a refusal says nothing about a hidden note either.
   */
  private static void notPrivate(String canvasId, Predicate<String> isPrivate) {
    if (isPrivate.test(canvasId)) {
      throw new Facilitation.Refusal(
          RejectionCode.PRIVATE_CANVAS,
          "Canvas " + canvasId + " is in private writing: reveal it before changing its clusters.");
    }
  }

  /** CL1, CL3: every note named is a live note of the cluster's canvas. */
  private static void requireNotesOn(
      String canvasId, List<String> noteIds, Function<String, Note> notes) {
    for (String id : noteIds) {
      Note note = notes.apply(id);
      if (note == null || !note.canvasId().equals(canvasId)) {
        throw new Facilitation.Refusal(
            RejectionCode.UNKNOWN_NOTE, "No note " + id + " on canvas " + canvasId + ".");
      }
      if (note.deleted()) {
        throw new Facilitation.Refusal(RejectionCode.NOTE_DELETED, "Note " + id + " was deleted.");
      }
    }
  }

  private static double clamp(double coordinate) {
    return Math.max(-Checks.MAX_COORDINATE, Math.min(Checks.MAX_COORDINATE, coordinate));
  }
}
