// The clusters of the canvas shown (CL1 to CL5), each drawn as a titled frame behind its notes. The
// facilitator moves a cluster by dragging its title (the notes follow smoothly on this screen, and
// one move_cluster is sent on the drop) or with the arrow keys on it (one change per key); renames
// it, dissolves it, or adds the selected notes to it from the frame. Others see the frame only.

import { clustersOn, frameOf } from './clusters.js';
import { t } from './i18n.js';
import { addToCluster, dissolveCluster, moveCluster } from './protocol.js';
import { toast } from './toasts.js';

const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;
const DRAG_THRESHOLD_PX = 4;
const FRAME = { padding: 14, titleHeight: 40 };

export class ClusterLayer {
  /** @param {{room: object, selection: import('./note-selection.js').NoteSelection, rename: Function}} options */
  constructor({ room, selection, rename }) {
    Object.assign(this, { room, selection, rename });
    this.element = document.createElement('div');
    this.element.className = 'cluster-layer';
    this.element.dataset.testid = 'cluster-layer';
    room.board.world.prepend(this.element); // before the notes: frames are drawn behind them
    this.frames = new Map(); // clusterId -> {element, handle, title, add, renameButton, dissolve}
    this.drag = null;
  }

  render() {
    const { engine, notes } = this.room;
    const canvasId = notes.canvasId();
    const arranged = engine.arrangement();
    // CL6: in private writing a frame would be drawn around this reader's notes only; none is.
    const clusters = arranged.privateCanvases.has(canvasId) ? [] : clustersOn(arranged.clusters, canvasId);
    const drawn = new Map(engine.notesOn(canvasId).map((note) => [note.id, note]));
    for (const [id, override] of notes.overrides) {
      if (drawn.has(id)) drawn.set(id, { ...drawn.get(id), ...override }); // a drag shown before it is sent
    }
    const facilitator = this.room.isFacilitator();
    const selected = this.selection.list();
    const seen = new Set();
    for (const cluster of clusters) {
      const box = frameOf(cluster, drawn, FRAME);
      if (!box) continue;
      seen.add(cluster.id);
      const frame = this.frames.get(cluster.id) ?? this.create(cluster.id);
      this.draw(frame, cluster, box, facilitator, selected);
    }
    for (const [id, frame] of this.frames) {
      if (seen.has(id)) continue;
      if (frame.element.contains(document.activeElement)) this.room.board.element.focus({ preventScroll: true });
      frame.element.remove();
      this.frames.delete(id);
    }
  }

  draw(frame, cluster, box, facilitator, selected) {
    const { element, handle, title, add, renameButton, dissolve } = frame;
    element.style.transform = `translate(${box.x}px, ${box.y}px)`;
    element.style.width = `${box.width}px`;
    element.style.height = `${box.height}px`;
    element.dataset.controls = String(facilitator);
    element.classList.toggle('dragging', this.drag?.clusterId === cluster.id && this.drag.moved);
    element.setAttribute('aria-label', t('clusters.frameLabel', { title: cluster.title }));
    if (title.textContent !== cluster.title) title.textContent = cluster.title; // never HTML
    handle.hidden = !facilitator;
    title.hidden = facilitator;
    if (handle.textContent !== cluster.title) handle.textContent = cluster.title;
    handle.setAttribute('aria-label', t('clusters.handle', { title: cluster.title, count: cluster.noteIds.length }));
    const adding = facilitator ? selected.filter((id) => !cluster.noteIds.includes(id)) : [];
    add.hidden = adding.length === 0;
    add.textContent = t('clusters.addSelection', { count: adding.length });
    add.setAttribute('aria-label', t('clusters.addSelectionLabel', { count: adding.length, title: cluster.title }));
    for (const [button, key] of [
      [renameButton, 'clusters.rename'],
      [dissolve, 'clusters.dissolve'],
    ]) {
      button.hidden = !facilitator;
      button.setAttribute('aria-label', t(key, { title: cluster.title }));
      button.title = button.getAttribute('aria-label');
    }
  }

  create(clusterId) {
    const element = document.createElement('section');
    element.className = 'cluster-frame';
    element.setAttribute('role', 'group');
    element.dataset.testid = 'cluster-frame';
    element.dataset.clusterId = clusterId;
    const head = document.createElement('div');
    head.className = 'cluster-head';
    const handle = this.button('cluster-handle', 'cluster-handle');
    handle.addEventListener('pointerdown', (event) => this.pointerDown(event, clusterId, handle));
    handle.addEventListener('pointermove', (event) => this.pointerMove(event));
    handle.addEventListener('pointerup', (event) => this.pointerUp(event));
    handle.addEventListener('pointercancel', (event) => this.pointerUp(event));
    handle.addEventListener('keydown', (event) => this.keyDown(event, clusterId));
    const title = document.createElement('span');
    title.className = 'cluster-title';
    title.dataset.testid = 'cluster-title';
    const add = this.button('cluster-add', 'link-button cluster-add');
    add.addEventListener('click', () => this.addSelection(clusterId));
    const renameButton = this.button('cluster-rename', 'icon-button cluster-tool');
    renameButton.textContent = '✎';
    renameButton.addEventListener('click', () => this.rename(this.cluster(clusterId)));
    const dissolve = this.button('cluster-dissolve', 'icon-button cluster-tool');
    dissolve.textContent = '✕';
    dissolve.addEventListener('click', () => this.dissolve(clusterId));
    head.append(handle, title, add, renameButton, dissolve);
    element.append(head);
    this.element.append(element);
    const frame = { element, handle, title, add, renameButton, dissolve };
    this.frames.set(clusterId, frame);
    return frame;
  }

  button(testid, className) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.dataset.testid = testid;
    // The board must not pan or create a note from a press on the frame's controls.
    button.addEventListener('dblclick', (event) => event.stopPropagation());
    return button;
  }

  cluster(clusterId) {
    return this.room.engine.arrangement().clusters.get(clusterId) ?? null;
  }

  addSelection(clusterId) {
    const cluster = this.cluster(clusterId);
    if (!cluster) return;
    const adding = this.selection.list().filter((id) => !cluster.noteIds.includes(id));
    if (adding.length === 0) return;
    this.room.connection.send(addToCluster(this.room.ids, clusterId, adding));
    this.selection.clear();
  }

  dissolve(clusterId) {
    const cluster = this.cluster(clusterId);
    if (!cluster) return;
    this.room.connection.send(dissolveCluster(this.room.ids, clusterId));
    toast(t('clusters.dissolved', { title: cluster.title }));
  }

  keyDown(event, clusterId) {
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      this.room.connection.send(moveCluster(this.room.ids, clusterId, ...moves[event.key]));
    } else if (event.key === 'F2') {
      this.rename(this.cluster(clusterId));
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation(); // arrows would also pan the board
  }

  // --- Dragging the title: the notes follow on this screen; one move_cluster on the drop (CL5). ----

  pointerDown(event, clusterId, handle) {
    const cluster = this.cluster(clusterId);
    if (event.button !== 0 || !cluster || !this.room.isFacilitator()) return;
    event.stopPropagation(); // no pan
    event.preventDefault();
    handle.setPointerCapture?.(event.pointerId);
    handle.focus({ preventScroll: true });
    const origins = new Map();
    for (const note of this.room.engine.notesOn(cluster.canvasId)) {
      if (cluster.noteIds.includes(note.id)) origins.set(note.id, { x: note.x, y: note.y });
    }
    this.drag = { clusterId, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origins, moved: false, dx: 0, dy: 0 };
  }

  pointerMove(event) {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const scale = this.room.board.viewport.scale;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    drag.moved = true;
    drag.dx = Math.round(dx / scale);
    drag.dy = Math.round(dy / scale);
    for (const [id, origin] of drag.origins) {
      this.room.notes.overrides.set(id, { x: origin.x + drag.dx, y: origin.y + drag.dy });
    }
    this.room.notes.render();
    this.render();
  }

  pointerUp(event) {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = null;
    for (const id of drag.origins.keys()) this.room.notes.overrides.delete(id);
    if (drag.moved && event.type === 'pointerup' && (drag.dx !== 0 || drag.dy !== 0)) {
      // Drawn at once by the engine (SY2), so the notes stay where they were dropped.
      this.room.connection.send(moveCluster(this.room.ids, drag.clusterId, drag.dx, drag.dy));
    }
    this.room.notes.redraw();
    this.render();
  }
}
