package io.atelier.domain;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;

/**
 * Notes of one canvas gathered under a title, for the restitution (CL1). A cluster has no place of
 * its own: it is drawn around its notes, and moving it moves them (CL5). It always holds at least
 * one note, and a note is in at most one cluster (CL3): a cluster left without notes is gone.
 */
public record Cluster(String id, String canvasId, String title, List<String> noteIds)
    implements Serializable {
  /** How many note ids one change may name (ER1); a cluster is bounded by its canvas's notes. */
  public static final int MAX_NOTES_PER_CHANGE = 500;

  public Cluster {
    Checks.identifier(id, "clusterId");
    Checks.identifier(canvasId, "canvasId");
    title = Checks.label(title, Checks.MAX_TITLE, "title");
    noteIds = distinctIds(noteIds);
  }

  /** The note ids one change names: 1 to 500 distinct note ids (ER1). */
  public static List<String> changeNoteIds(List<String> noteIds) {
    if (noteIds != null && noteIds.size() > MAX_NOTES_PER_CHANGE) {
      throw new InvalidValueException(
          "noteIds names at most " + MAX_NOTES_PER_CHANGE + " notes at once");
    }
    return distinctIds(noteIds);
  }

  private static List<String> distinctIds(List<String> noteIds) {
    if (noteIds == null || noteIds.isEmpty()) {
      throw new InvalidValueException("noteIds must name at least one note");
    }
    for (String id : noteIds) {
      Checks.identifier(id, "noteIds");
    }
    if (new HashSet<>(noteIds).size() != noteIds.size()) {
      throw new InvalidValueException("a note appears twice in noteIds");
    }
    return List.copyOf(noteIds);
  }

  Cluster renamed(String newTitle) {
    return new Cluster(id, canvasId, newTitle, noteIds);
  }

  Cluster withNotes(List<String> newNoteIds) {
    return new Cluster(id, canvasId, title, newNoteIds);
  }
}
