// The notes the facilitator has selected to group them (CL1), and what the selection bar offers for
// them. Shift+click or Space on a note adds or removes it; the selection holds notes of the canvas
// shown only, and forgets notes that are gone. No DOM: node tests.

import { clusterOfNote } from './clusters.js';

export class NoteSelection {
  constructor() {
    this.ids = new Set();
    this.listeners = new Set();
  }

  has(noteId) {
    return this.ids.has(noteId);
  }

  get size() {
    return this.ids.size;
  }

  /** The selected ids, in the order they were selected. */
  list() {
    return [...this.ids];
  }

  toggle(noteId) {
    if (!this.ids.delete(noteId)) this.ids.add(noteId);
    this.changed();
  }

  clear() {
    if (this.ids.size === 0) return;
    this.ids.clear();
    this.changed();
  }

  /** Keeps only the notes still drawn (deleted notes, another canvas shown). */
  keepOnly(drawnIds) {
    const before = this.ids.size;
    for (const id of [...this.ids]) if (!drawnIds.has(id)) this.ids.delete(id);
    if (this.ids.size !== before) this.changed();
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }
}

/**
 * What can be done with the selected notes: `count`; `grouped`, the clusters some of them are in,
 * each with the selected notes it holds (to take them out); and for one cluster, the selected notes
 * it does not hold yet (to add them to it).
 */
export function selectionPlan(selectedIds, clusters) {
  const grouped = new Map();
  for (const noteId of selectedIds) {
    const cluster = clusterOfNote(clusters, noteId);
    if (!cluster) continue;
    if (!grouped.has(cluster.id)) grouped.set(cluster.id, []);
    grouped.get(cluster.id).push(noteId);
  }
  return {
    count: selectedIds.length,
    grouped: [...grouped].map(([clusterId, noteIds]) => ({ clusterId, noteIds })),
    notIn: (cluster) => selectedIds.filter((noteId) => !cluster.noteIds.includes(noteId)),
  };
}
