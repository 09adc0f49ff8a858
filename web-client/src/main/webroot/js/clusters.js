// Clusters of notes (CL1 to CL5) as the client holds them: a Map of id to {id, canvasId, title,
// noteIds}, kept with the server's two invariants (a note is in at most one cluster, a cluster
// holds at least one note), and the frame drawn around a cluster's notes. No DOM: node tests.

const MAX_COORDINATE = 100000; // NT6

/** CL1 to CL3: the cluster as it now is; its notes leave any other cluster, left empty it goes. */
export function putCluster(clusters, cluster) {
  const members = new Set(cluster.noteIds);
  for (const [id, other] of [...clusters]) {
    if (id === cluster.id) continue;
    const left = other.noteIds.filter((noteId) => !members.has(noteId));
    if (left.length === other.noteIds.length) continue;
    if (left.length === 0) clusters.delete(id);
    else clusters.set(id, { ...other, noteIds: left });
  }
  clusters.set(cluster.id, { id: cluster.id, canvasId: cluster.canvasId, title: cluster.title, noteIds: [...cluster.noteIds] });
}

/** CL4: a deleted note leaves its cluster; the last one leaving ends it. */
export function takeNoteOut(clusters, noteId) {
  for (const [id, cluster] of [...clusters]) {
    if (!cluster.noteIds.includes(noteId)) continue;
    const left = cluster.noteIds.filter((other) => other !== noteId);
    if (left.length === 0) clusters.delete(id);
    else clusters.set(id, { ...cluster, noteIds: left });
  }
}

/** CV3, CL4: a deleted canvas takes its clusters with it. */
export function dropCanvasClusters(clusters, canvasId) {
  for (const [id, cluster] of [...clusters]) {
    if (cluster.canvasId === canvasId) clusters.delete(id);
  }
}

/**
 * CL6: a reveal (PW2) carries every live note of the canvas; a note of one of its clusters that is
 * not among them was deleted during private writing, which this tab may only have seen as `hidden`.
 */
export function keepRevealed(clusters, canvasId, revealedIds) {
  const live = new Set(revealedIds);
  for (const [id, cluster] of [...clusters]) {
    if (cluster.canvasId !== canvasId) continue;
    const left = cluster.noteIds.filter((noteId) => live.has(noteId));
    if (left.length === cluster.noteIds.length) continue;
    if (left.length === 0) clusters.delete(id);
    else clusters.set(id, { ...cluster, noteIds: left });
  }
}

/** A confirmed event: `cluster_changed`, `cluster_dissolved`, or a note deleted (CL3, CL4). */
export function applyClusterEvent(clusters, event) {
  switch (event.type) {
    case 'cluster_changed':
      putCluster(clusters, event.cluster);
      return;
    case 'cluster_dissolved':
      clusters.delete(event.clusterId);
      return;
    case 'note_deleted':
      takeNoteOut(clusters, event.noteId);
      return;
    default:
      return;
  }
}

/**
 * A pending cluster change drawn before the server confirms it (SY2), as the server will decide it
 * when nothing stands in the way; `move_cluster` moves notes, not clusters (see moveNotes).
 */
export function applyClusterChange(clusters, change) {
  const cluster = clusters.get(change.clusterId);
  switch (change.type) {
    case 'create_cluster':
      if (!cluster) {
        putCluster(clusters, { id: change.clusterId, canvasId: change.canvasId, title: change.title, noteIds: change.noteIds });
      }
      return;
    case 'rename_cluster':
      if (cluster) clusters.set(cluster.id, { ...cluster, title: change.title });
      return;
    case 'add_to_cluster':
      if (cluster) putCluster(clusters, { ...cluster, noteIds: [...new Set([...cluster.noteIds, ...change.noteIds])] });
      return;
    case 'remove_from_cluster': {
      if (!cluster) return;
      const left = cluster.noteIds.filter((noteId) => !change.noteIds.includes(noteId));
      if (left.length === 0) clusters.delete(cluster.id);
      else clusters.set(cluster.id, { ...cluster, noteIds: left });
      return;
    }
    case 'dissolve_cluster':
      clusters.delete(change.clusterId);
      return;
    default:
      return;
  }
}

/** CL5 pending: every note of the cluster by (dx, dy), stopping at the canvas's edge (NT6). */
export function moveNotes(notes, cluster, dx, dy) {
  if (!cluster) return;
  for (const noteId of cluster.noteIds) {
    const note = notes.get(noteId);
    if (note) notes.set(noteId, { ...note, x: clamp(note.x + dx), y: clamp(note.y + dy) });
  }
}

/** CL5 confirmed: the positions `cluster_moved` carries, set all at once. */
export function placeNotes(notes, positions) {
  for (const { noteId, x, y } of positions) {
    const note = notes.get(noteId);
    if (note) notes.set(noteId, { ...note, x, y });
  }
}

/** The cluster a note is in, or null (CL3: at most one). */
export function clusterOfNote(clusters, noteId) {
  for (const cluster of clusters.values()) {
    if (cluster.noteIds.includes(noteId)) return cluster;
  }
  return null;
}

/** The clusters of one canvas, in the order they were made. */
export function clustersOn(clusters, canvasId) {
  return [...clusters.values()].filter((cluster) => cluster.canvasId === canvasId);
}

/**
 * The box a cluster's frame is drawn as, in canvas coordinates: around the notes of it that are
 * drawn (`notesById`), `padding` wider on every side, with `titleHeight` more on top for its title.
 * Null when none of its notes is drawn (they are on their way, or being deleted).
 */
export function frameOf(cluster, notesById, { padding = 16, titleHeight = 36, offset = { x: 0, y: 0 } } = {}) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const noteId of cluster.noteIds) {
    const note = notesById.get(noteId);
    if (!note) continue;
    left = Math.min(left, note.x);
    top = Math.min(top, note.y);
    right = Math.max(right, note.x + note.width);
    bottom = Math.max(bottom, note.y + note.height);
  }
  if (left === Infinity) return null;
  return {
    x: left - padding + offset.x,
    y: top - padding - titleHeight + offset.y,
    width: right - left + 2 * padding,
    height: bottom - top + 2 * padding + titleHeight,
  };
}

function clamp(value) {
  return Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, value));
}
