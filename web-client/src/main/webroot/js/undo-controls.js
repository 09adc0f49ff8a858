// Undo and redo on the workshop page (docs/protocol.md, UN1 to UN6): Ctrl+Z, Ctrl+Shift+Z and
// Ctrl+Y (⌘ on a Mac), two buttons in the board's toolbar that name the step they would take, and
// what the person is told when someone else's change stops a step. The steps themselves are
// undo-history.js; this file wires it to the room: it records what this tab sends, proposes the
// inverse changes through connection.send, and forgets what the server refused.

import { onLanguageChange, t } from './i18n.js';
import { toast } from './toasts.js';
import { UndoHistory } from './undo-history.js';

const STEP_LABELS = {
  create: 'undo.step.create',
  delete: 'undo.step.delete',
  move: 'undo.step.move',
  resize: 'undo.step.resize',
  text: 'undo.step.text',
  color: 'undo.step.color',
  front: 'undo.step.front',
  edit: 'undo.step.edit',
};
const REASONS = {
  position: 'undo.reason.position',
  size: 'undo.reason.size',
  text: 'undo.reason.text',
  color: 'undo.reason.color',
  order: 'undo.reason.order',
  deleted: 'undo.reason.deleted',
  canvas: 'undo.reason.canvas',
  private: 'private.undoReason',
};
const WORDING = {
  undo: {
    button: 'undo.undo',
    step: 'undo.undoStep',
    nothing: 'undo.nothingToUndo',
    done: 'undo.undone',
    partial: 'undo.partialUndo',
    skipped: 'undo.skippedUndo',
  },
  redo: {
    button: 'undo.redo',
    step: 'undo.redoStep',
    nothing: 'undo.nothingToRedo',
    done: 'undo.redone',
    partial: 'undo.partialRedo',
    skipped: 'undo.skippedRedo',
  },
};
/** Two curved arrows, drawn rather than typed: every font shows them the same. */
const ICON_PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
};
const SHORTCUTS = { undo: 'Control+Z Meta+Z', redo: 'Control+Shift+Z Control+Y Meta+Shift+Z' };

/**
 * What a key press asks of the history: 'undo' for Ctrl+Z, 'redo' for Ctrl+Shift+Z and Ctrl+Y, null
 * otherwise. ⌘ counts as Ctrl, so a Mac works the same; `key` is the character typed, so an AZERTY
 * keyboard's Z is Z too.
 */
export function undoCommand({ key, ctrlKey, metaKey, shiftKey, altKey }) {
  if (!(ctrlKey || metaKey) || altKey || typeof key !== 'string') return null;
  const letter = key.toLowerCase();
  if (letter === 'z') return shiftKey ? 'redo' : 'undo';
  if (letter === 'y' && !shiftKey) return 'redo';
  return null;
}

/** UN6: typing in a text field keeps the browser's own undo of the text. */
export function keepsOwnUndo(target) {
  if (!target || typeof target.closest !== 'function') return false;
  return target.isContentEditable === true || target.closest('input, textarea, select, dialog[open]') !== null;
}

export function mountUndo(room) {
  const { engine, connection } = room;
  const history = new UndoHistory({ ids: room.ids });
  const board = {
    note: (noteId) => engine.note(noteId),
    notesOn: (canvasId) => engine.notesOn(canvasId),
    hasCanvas: (canvasId) => engine.arrangement().canvases.has(canvasId),
    hidesOthersOn: (canvasId) => engine.arrangement().privateCanvases.has(canvasId),
    selfId: () => room.selfId(),
  };
  const mac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
  const controls = new UndoControls({ toolbar: room.board.toolbar, mac, run });

  connection.onSend((change, context) => {
    if (context.fromHistory) return; // an undo is not a new change of mine: it keeps the redo steps
    if (history.record(change, board, { ...context, at: performance.now() })) controls.show(history);
  });
  connection.onMessage((message, outcome) => {
    if (outcome?.refused && history.refused(outcome.refused.changeId)) controls.show(history);
  });
  document.addEventListener('keydown', (event) => {
    const command = undoCommand(event);
    if (command === null || event.defaultPrevented || keepsOwnUndo(event.target)) return;
    event.preventDefault();
    run(command);
  });
  onLanguageChange(() => controls.show(history));
  controls.show(history);

  function run(direction) {
    if (room.notes.gesture) return; // a drag finishes first: it is the step an undo would take
    const outcome = direction === 'undo' ? history.undo(board) : history.redo(board);
    for (const change of outcome.changes) connection.send(change, { fromHistory: true });
    controls.show(history);
    controls.tell(outcome);
  }
}

/** The two buttons, and a live region that says what an undo did for those who do not see it. */
class UndoControls {
  constructor({ toolbar, mac, run }) {
    this.mac = mac;
    this.group = document.createElement('div');
    this.group.className = 'undo-controls';
    this.group.setAttribute('role', 'group');
    this.buttons = { undo: this.button('undo', run), redo: this.button('redo', run) };
    this.status = document.createElement('span');
    this.status.className = 'visually-hidden';
    this.status.dataset.testid = 'undo-status';
    this.status.setAttribute('role', 'status');
    this.group.append(this.buttons.undo, this.buttons.redo, this.status);
    // Beside the zoom, whatever else the toolbar holds and in whichever order features mount.
    const zoom = toolbar.querySelector('.zoom-controls');
    if (zoom) zoom.before(this.group);
    else toolbar.append(this.group);
  }

  button(direction, run) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'undo-button';
    button.dataset.testid = `${direction}-button`;
    button.setAttribute('aria-keyshortcuts', SHORTCUTS[direction]);
    const label = document.createElement('span');
    label.className = 'undo-label';
    button.append(icon(ICON_PATHS[direction]), label);
    // aria-disabled rather than disabled: the button keeps the focus after the last undo, and still
    // says why it does nothing.
    button.addEventListener('click', () => run(direction));
    return button;
  }

  /** Names the next step of each button, or says there is none (UN6). */
  show(history) {
    this.group.setAttribute('aria-label', t('undo.group'));
    for (const direction of ['undo', 'redo']) {
      const kind = direction === 'undo' ? history.nextUndo() : history.nextRedo();
      const words = WORDING[direction];
      const button = this.buttons[direction];
      const name = kind ? t(words.step, { step: t(STEP_LABELS[kind]) }) : t(words.nothing);
      button.setAttribute('aria-disabled', String(kind === null));
      button.setAttribute('aria-label', name);
      button.title = kind ? `${name} (${this.keys(direction)})` : name;
      button.querySelector('.undo-label').textContent = t(words.button);
    }
  }

  /** Says what happened: quietly when it went as asked, in a toast when someone's change stopped it. */
  tell(outcome) {
    const words = WORDING[outcome.direction];
    if (outcome.status === 'nothing') {
      this.announce(t(words.nothing));
      return;
    }
    const step = t(STEP_LABELS[outcome.kind]);
    if (outcome.status === 'done') {
      this.announce(t(words.done, { step }));
    } else {
      // One reason is enough to understand; a step rarely meets two.
      const reason = t(REASONS[outcome.reasons[0]]);
      toast(t(outcome.status === 'partial' ? words.partial : words.skipped, { step, reason }), 'error');
    }
    if (outcome.notices.includes('author')) toast(t('undo.author'));
  }

  announce(text) {
    // The same words twice in a row must still be read out: clear, then fill on the next frame.
    this.status.textContent = '';
    requestAnimationFrame(() => {
      this.status.textContent = text;
    });
  }

  keys(direction) {
    if (this.mac) return direction === 'undo' ? '⌘Z' : '⇧⌘Z';
    return direction === 'undo' ? 'Ctrl+Z' : `Ctrl+${t('undo.shift')}+Z`;
  }
}

function icon(path) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}
