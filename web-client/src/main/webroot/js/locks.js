// Locks on the workshop page (LK1 to LK3). The facilitator locks the canvas shown (a canvas tool)
// or one note (its toolbar). Everyone sees what is locked: a status beside "Add a note", a mark on
// the canvas's tab and on locked notes. For a participant, what a lock holds back is disabled with
// its reason, and a gesture the server would refuse says why instead of being sent.

import { frameScheduler } from './frame-scheduler.js';
import { language, onLanguageChange, t } from './i18n.js';
import { isCanvasLocked, lockReason } from './lock-rules.js';
import { lockCanvas, lockNote } from './protocol.js';
import { toast } from './toasts.js';

/** The same reason is said again only after this long: a drag is many gestures. */
const TELL_AGAIN_MS = 4000;
const WHY = { canvas: 'locks.whyCanvas', note: 'locks.whyNote' };

export function mountLocks(room) {
  const { engine, notes } = room;
  const addButton = room.board.toolbar.querySelector('[data-testid=add-note-button]');
  const status = document.createElement('p');
  status.id = 'lock-status';
  status.className = 'lock-status';
  status.dataset.testid = 'lock-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  addButton.after(status);
  const tool = room.canvases.addTool({
    name: 'lock',
    testid: 'lock-canvas',
    key: 'locks.lockCanvas',
    action: () => toggleCanvas(),
    facilitatorOnly: true,
  });

  let told = { reason: null, at: -Infinity };
  const tell = (reason) => {
    const now = performance.now();
    if (told.reason === reason && now - told.at < TELL_AGAIN_MS) return;
    told = { reason, at: now };
    toast(t(WHY[reason]), 'error');
  };
  const reasonFor = (note, canvasId = notes.canvasId()) =>
    lockReason({ arrangement: engine.arrangement(), facilitator: room.isFacilitator(), canvasId, note });

  notes.allow = (action, noteId, { quiet = false } = {}) => {
    const reason = reasonFor(noteId === null ? null : engine.note(noteId));
    if (reason && !quiet) tell(reason);
    return reason === null;
  };

  function toggleCanvas() {
    const canvasId = notes.canvasId();
    const locked = isCanvasLocked(engine.arrangement(), canvasId);
    room.connection.send(lockCanvas(room.ids, canvasId, !locked)); // the status says it at once
  }

  // The button is in the toolbar's prototype, made once per language; the badge is made for a note
  // the first time it is locked (few are), and shown by the note's class (CSS).
  notes.addDecorator({
    tools(toolbar) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tool';
      button.dataset.testid = 'lock-note';
      button.dataset.noteAction = 'lock';
      button.hidden = true;
      toolbar.insertBefore(button, toolbar.querySelector('[data-testid=delete-note]'));
    },
    act(action, noteId) {
      if (action !== 'lock') return false;
      const note = engine.note(noteId);
      if (note) room.connection.send(lockNote(room.ids, noteId, !note.locked));
      return true;
    },
    draw(element, note, toolbar) {
      const reason = reasonFor(note);
      if (reason !== null) element.classList.add('read-only');
      if (note.locked === true) {
        if (!element.querySelector('.note-lock')) element.append(badge());
        element.classList.add('note-locked');
        element.setAttribute('aria-label', t('locks.noteLabel', { label: element.getAttribute('aria-label') }));
      }
      if (toolbar) {
        const button = toolbar.querySelector('[data-testid=lock-note]');
        button.hidden = !room.isFacilitator();
        const label = t(note.locked ? 'locks.unlockNote' : 'locks.lockNote');
        button.setAttribute('aria-label', label);
        button.title = label;
        button.setAttribute('aria-pressed', String(note.locked === true));
        button.textContent = note.locked ? '🔓' : '🔒';
      }
      // LK3: typing into a note that has just been locked would be refused: the editor closes.
      if (reason && notes.editor.noteId === note.id) {
        notes.editor.close({ commit: false });
        tell(reason);
      }
    },
  });

  function badge() {
    const element = document.createElement('span');
    element.className = 'note-lock';
    element.dataset.testid = 'note-lock';
    element.setAttribute('aria-hidden', 'true');
    element.textContent = '🔒';
    return element;
  }

  let drawnFor = null;
  let shown = null;
  const update = () => {
    const arrangement = engine.arrangement();
    const canvasId = notes.canvasId();
    const locked = isCanvasLocked(arrangement, canvasId);
    const facilitator = room.isFacilitator();
    const held = locked && !facilitator;
    tool.dataset.key = locked ? 'locks.unlockCanvas' : 'locks.lockCanvas';
    tool.textContent = t(tool.dataset.key);
    status.hidden = !locked;
    status.textContent = locked ? `🔒 ${t(facilitator ? 'locks.statusHost' : 'locks.status')}` : '';
    status.title = locked ? t(facilitator ? 'locks.statusHostLong' : 'locks.whyCanvas') : '';
    // Still focusable and still answering a click, which then says why (aria-disabled, not disabled).
    addButton.setAttribute('aria-disabled', String(held));
    addButton.title = held ? t('locks.whyCanvas') : '';
    if (held) addButton.setAttribute('aria-describedby', status.id);
    else addButton.removeAttribute('aria-describedby');
    room.board.element.classList.toggle('canvas-locked', held);
    // The board's own label invites to add notes: held back, it is told why too.
    if (held) room.board.element.setAttribute('aria-describedby', status.id);
    else room.board.element.removeAttribute('aria-describedby');
    for (const tab of document.querySelectorAll('[data-testid=canvas-tab]')) {
      const tabLocked = isCanvasLocked(arrangement, tab.dataset.canvasId);
      tab.dataset.locked = String(tabLocked);
      tab.title = tabLocked ? t('locks.tab') : '';
    }
    if (arrangement.canvases.size > 0) {
      // Said when it changes while this person looks at the canvas, not when the page opens.
      if (!facilitator && shown?.canvasId === canvasId && shown.locked !== locked) {
        toast(t(locked ? 'locks.lockedNow' : 'locks.unlockedNow'));
      }
      shown = { canvasId, locked };
    }
    const key = `${canvasId} ${locked} ${facilitator} ${language()}`;
    if (key !== drawnFor) {
      drawnFor = key;
      notes.redraw(); // what each note allows follows the canvas's lock
    }
  };
  const schedule = frameScheduler(update);
  engine.subscribe(schedule);
  room.canvases.onChange(schedule);
  onLanguageChange(schedule);
  schedule();
}
