// A person the facilitator made an observer (RO1) reads everything and changes nothing: the board
// stays for panning, zooming and reading, but adding, dragging, editing, recolouring and deleting
// notes do nothing, and their buttons are hidden (body.observing in atelier.css), the undo buttons
// and keys too. A "Mode observation" flag in the top bar says why. The server refuses an
// observer's changes anyway (read_only); this keeps the page from offering them. Locks, clusters,
// private writing and summoning are the facilitator's, hidden from an observer already.

import { accessOf } from './access-rules.js';
import { t } from './i18n.js';
import { keepsOwnUndo, undoCommand } from './undo-controls.js';

export function mountObserverMode(room) {
  const { board, engine } = room;
  room.isObserver = () => accessOf(engine.arrangement(), room.selfId()) === 'observer';

  const flag = document.createElement('span');
  flag.className = 'topbar-flag observer-flag';
  flag.dataset.testid = 'observer-flag';
  flag.setAttribute('role', 'status');
  flag.hidden = true;
  document.getElementById('facilitator-badge')?.after(flag);
  // In the add-note button's place, where a person looks for it: said in words, on a phone too.
  const note = document.createElement('p');
  note.className = 'observer-note';
  note.dataset.testid = 'observer-note';
  note.hidden = true;
  board.toolbar.prepend(note);

  const observing = () => document.body.classList.contains('observing');
  guardNoteChanges(room.notes, observing);
  // A press on a note would start a drag drawn here and then refused: it goes to nobody. (Capture
  // on the board runs before the note's own listener; the background still pans.)
  board.element.addEventListener(
    'pointerdown',
    (event) => observing() && event.target.closest?.('[data-testid=note]') && event.stopPropagation(),
    true,
  );
  // Ctrl+Z would undo what this person did before becoming an observer, and be refused (read_only):
  // marked as handled before the undo's own listener (undo-controls.js), which leaves it alone.
  document.addEventListener(
    'keydown',
    (event) => {
      if (observing() && undoCommand(event) !== null && !keepsOwnUndo(event.target)) event.preventDefault();
    },
    true,
  );

  let shown = null;
  const update = () => {
    const now = room.isObserver();
    if (now === shown) return;
    shown = now;
    document.body.classList.toggle('observing', now);
    flag.hidden = !now;
    note.hidden = !now;
    if (now) room.notes.editor.close({ commit: false }); // what is typed now would be refused
    label();
  };
  const label = () => {
    flag.textContent = t('access.observing');
    flag.title = t('access.observingHelp');
    note.textContent = t('access.observingHelp');
  };
  engine.subscribe(update);
  return { update, label };
}

/**
 * Every gesture that changes a note goes through one of these four methods of the notes layer (a
 * new note from the button, a double-click, N or a double tap; a move, resize, recolour or text;
 * a deletion; the editor): while observing, they do nothing. Wrapped here rather than in
 * notes-layer.js, which knows nothing of roles.
 */
function guardNoteChanges(notes, observing) {
  for (const [owner, name] of [
    [notes, 'createAt'],
    [notes, 'update'],
    [notes, 'remove'],
    [notes.editor, 'open'],
  ]) {
    const original = owner[name].bind(owner);
    owner[name] = (...args) => (observing() ? undefined : original(...args));
  }
}
