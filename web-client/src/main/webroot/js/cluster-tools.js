// Grouping notes for the report-back (CL1 to CL4), for the facilitator: select notes with
// Shift+click or with Space on a focused note; the selection bar then offers "Group notes" (with a
// title), taking the notes out of their cluster, and clearing the selection. The frames are
// cluster-layer.js. Participants see the frames and titles only: clusters are the facilitator's.
// On a canvas in private writing nobody groups, and no frame is drawn (CL6): the help says why.

import { newDialog, field } from './canvas-dialogs.js';
import { frameScheduler } from './frame-scheduler.js';
import { onLanguageChange, t } from './i18n.js';
import { ClusterLayer } from './cluster-layer.js';
import { NoteSelection, selectionPlan } from './note-selection.js';
import { createCluster, LIMITS, removeFromCluster, renameCluster } from './protocol.js';

export function mountClusters(room) {
  const { engine, notes, board } = room;
  const selection = new NoteSelection();
  const layer = new ClusterLayer({ room, selection, rename: (cluster) => cluster && openRenameDialog(room, cluster) });
  const bar = selectionBar(room, selection);
  const help = document.createElement('p');
  help.className = 'board-help cluster-help';
  help.dataset.testid = 'cluster-help';
  help.hidden = true;
  document.querySelector('.board-help')?.after(help);

  const isPrivate = () => engine.arrangement().privateCanvases.has(notes.canvasId());
  const grouping = () => room.isFacilitator() && !isPrivate();
  const selectable = (event) => {
    const element = event.target.closest?.('[data-testid=note]');
    return grouping() && element && !event.target.closest('button, textarea') ? element : null;
  };
  // Capture: the note would otherwise start a drag, and the board a pan.
  board.world.addEventListener(
    'pointerdown',
    (event) => {
      const element = event.shiftKey && event.button === 0 ? selectable(event) : null;
      if (!element) return;
      event.stopPropagation();
      event.preventDefault();
      element.focus({ preventScroll: true });
      selection.toggle(element.dataset.noteId);
    },
    true,
  );
  board.world.addEventListener(
    'keydown',
    (event) => {
      const element = event.target.dataset?.testid === 'note' ? selectable(event) : null;
      if (!element) return;
      if (event.key === ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        event.stopPropagation();
        selection.toggle(element.dataset.noteId);
      } else if (event.key === 'Escape') {
        selection.clear(); // and the note gives the focus back to the board, as before
      }
    },
    true,
  );
  board.element.addEventListener('pointerdown', (event) => {
    if ((event.target === board.element || event.target === board.world) && !event.shiftKey) selection.clear();
  });

  notes.addDecorator({
    draw(element, note) {
      const selected = selection.has(note.id);
      element.classList.toggle('selected', selected);
      if (selected) element.setAttribute('aria-label', t('clusters.noteSelected', { label: element.getAttribute('aria-label') }));
    },
  });

  const update = () => {
    if (!grouping()) selection.clear();
    selection.keepOnly(new Set(engine.notesOn(notes.canvasId()).map((note) => note.id)));
    layer.render();
    bar.update();
    help.hidden = !room.isFacilitator();
    help.textContent = t(isPrivate() ? 'clusters.privateHelp' : 'clusters.help');
  };
  const schedule = frameScheduler(update);
  selection.onChange(() => {
    notes.redraw();
    update();
  });
  engine.subscribe(schedule);
  room.canvases.onChange(() => {
    selection.clear();
    schedule();
  });
  onLanguageChange(schedule);
  schedule();
}

/** The bar that says how many notes are selected and what can be done with them. */
function selectionBar(room, selection) {
  const element = document.createElement('div');
  element.className = 'selection-bar';
  element.dataset.testid = 'selection-bar';
  element.hidden = true;
  const count = document.createElement('span');
  count.className = 'selection-count';
  count.dataset.testid = 'selection-count';
  count.setAttribute('role', 'status');
  const group = action('group-notes', 'primary', () => openGroupDialog(room, selection));
  const ungroup = action('ungroup-notes', 'link-button', () => {
    const plan = selectionPlan(selection.list(), room.engine.arrangement().clusters);
    for (const { clusterId, noteIds } of plan.grouped) room.connection.send(removeFromCluster(room.ids, clusterId, noteIds));
    selection.clear();
  });
  const clear = action('clear-selection', 'link-button', () => selection.clear());
  element.append(count, group, ungroup, clear);
  const spacer = room.board.toolbar.querySelector('.spacer');
  room.board.toolbar.insertBefore(element, spacer);

  return {
    update() {
      const plan = selectionPlan(selection.list(), room.engine.arrangement().clusters);
      element.hidden = plan.count === 0 || !room.isFacilitator();
      count.textContent = plan.count === 1 ? t('clusters.selectedOne') : t('clusters.selectedMany', { count: plan.count });
      group.textContent = t('clusters.group');
      ungroup.textContent = t('clusters.ungroup');
      ungroup.hidden = plan.grouped.length === 0;
      clear.textContent = t('clusters.clear');
    },
  };
}

function action(testid, className, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.dataset.testid = testid;
  button.addEventListener('click', onClick);
  return button;
}

/** CL1: the selected notes under a new title. */
function openGroupDialog(room, selection) {
  const noteIds = selection.list();
  if (noteIds.length === 0) return;
  const dialog = newDialog('cluster-dialog', t('clusters.groupTitle', { count: noteIds.length }));
  const title = field(dialog.form, 'text', t('clusters.titleLabel'), 'cluster-title-input');
  Object.assign(title, { maxLength: LIMITS.title, required: true });
  dialog.onSubmit(() => {
    const clean = title.value.trim();
    if (clean.length === 0) return [title, t('clusters.titleRequired')];
    room.connection.send(createCluster(room.ids, { canvasId: room.notes.canvasId(), title: clean, noteIds }));
    selection.clear();
    return null;
  });
  dialog.open(title);
}

/** CL2. */
function openRenameDialog(room, cluster) {
  const dialog = newDialog('cluster-dialog', t('clusters.renameTitle'));
  const title = field(dialog.form, 'text', t('clusters.titleLabel'), 'cluster-title-input');
  Object.assign(title, { value: cluster.title, maxLength: LIMITS.title, required: true });
  dialog.onSubmit(() => {
    const clean = title.value.trim();
    if (clean.length === 0) return [title, t('clusters.titleRequired')];
    if (clean !== cluster.title) room.connection.send(renameCluster(room.ids, cluster.id, clean));
    return null;
  });
  dialog.open(title);
  title.select();
}
