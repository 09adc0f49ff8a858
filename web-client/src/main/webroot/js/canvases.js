// Canvases in the room (issue 4): which canvas this person sees (their group's, CV4, else the
// first), its template under the notes with the pillars' counts and balance (CV5), the tabs to
// switch canvases, the facilitator's tools (new canvases, rename, delete, groups, overview) and
// the print view. The other modules draw; this one decides what is shown and when.

import { frameScheduler } from './frame-scheduler.js';
import { language, onLanguageChange, t } from './i18n.js';
import { deleteCanvas, TEMPLATES } from './protocol.js';
import { canvasToShow } from './canvas-plan.js';
import { loadTemplate, loadedTemplate, pillarCounts, pillarZones } from './templates.js';
import { BalancePanel } from './balance-panel.js';
import { CanvasBar } from './canvas-bar.js';
import { openNewCanvasesDialog, openRenameDialog } from './canvas-dialogs.js';
import { mountGroupTools } from './group-tools.js';
import { Overview } from './overview.js';
import { mountPrint } from './print-view.js';
import { TemplateLayer } from './template-layer.js';
import { toast } from './toasts.js';

const RETRY_TEMPLATE_MS = 5000;

/** Mounts the canvases feature; other features reach it as `room.canvases`. */
export function mountCanvases(room) {
  const view = new CanvasView(room);
  room.canvases = {
    /** The id of the canvas shown, or null before the workshop's state arrived. */
    current: () => view.currentId,
    /** Shows a canvas, as a click on its tab does. */
    show: (canvasId) => view.show(canvasId),
    /** `listener(canvasId)` after the shown canvas changed. */
    onChange: (listener) => view.listeners.add(listener),
    /** Shows a canvas whose view the caller sets at once (FS3): its template is not fitted. */
    showPlaced: (canvasId) => view.show(canvasId, { placed: true }),
    /** Adds a tool to the canvas bar (see CanvasBar.addTool); the room draws again. */
    addTool: (tool) => {
      const button = view.bar.addTool(tool);
      view.schedule();
      return button;
    },
    /** Adds marks to the canvas tabs: see CanvasBar.addTabMarks. */
    addTabMarks: (marksOf) => {
      view.bar.addTabMarks(marksOf);
      view.schedule();
    },
  };
  return room.canvases;
}

class CanvasView {
  constructor(room) {
    this.room = room;
    this.currentId = null;
    this.ready = false; // The first canvases arrived and the first canvas was chosen.
    this.groupId = null; // This person's group canvas as last seen, to notice an assignment.
    this.names = new Map(); // canvasId -> name as last drawn, to name a canvas once deleted
    this.views = new Map(); // canvasId -> {x, y, scale} this person left it at
    this.fitPending = null; // the canvas whose first view waits for its template
    this.requested = new Set(); // template ids being fetched
    // The templates are few and small: asked for now, beside the join, so that the first view of a
    // canvas is fitted to its template in the frame that first draws its notes, not a moment after
    // them, once it arrives (a jump, and 2,000 notes laid out twice: docs/performance.md).
    for (const id of TEMPLATES) loadTemplate(id).catch(() => {}); // templateOf asks again
    this.listeners = new Set();
    this.boardArea = room.board.element.closest('.board-area');

    this.layer = new TemplateLayer({ world: room.board.world });
    this.balance = new BalancePanel({ toolbar: room.board.toolbar });
    this.bar = new CanvasBar({
      element: document.getElementById('canvas-bar'),
      onSelect: (canvasId) => this.show(canvasId),
      actions: {
        overview: () => this.toggleOverview(),
        create: () => openNewCanvasesDialog(room),
        rename: () => this.rename(),
        remove: () => this.remove(),
        print: () => window.print(),
      },
    });
    this.overview = new Overview({ before: room.board.toolbar, onOpenCanvas: (id) => this.jumpTo(id) });
    this.updateGroupTools = mountGroupTools(room);
    mountPrint({ room, shown: () => this.shown() });
    room.board.home = () => this.template()?.bounds ?? null; // "Default view" shows the template.

    this.schedule = frameScheduler(() => this.update());
    room.engine.subscribe(this.schedule);
    onLanguageChange(() => this.update());
  }

  /** Everything that follows the shared state, drawn at most once per frame. */
  update() {
    const { engine } = this.room;
    const arrangement = engine.arrangement();
    const { canvases } = arrangement;
    if (canvases.size === 0) return; // The snapshot has not arrived yet.
    this.followGroupAndDeletions(canvases, engine.groupOf(this.room.selfId()));
    this.names = new Map([...canvases.values()].map((canvas) => [canvas.id, canvas.name]));

    const reader = language();
    const template = this.template();
    const counts = pillarCounts(template, engine.notesOn(this.currentId));
    this.layer.draw(template, reader);
    this.layer.update(counts, arrangement.progress.focusPillar);
    this.balance.update(template, pillarZones(template), counts, reader);
    this.bar.render({
      canvases,
      currentId: this.currentId,
      groupId: this.groupId,
      facilitator: this.room.isFacilitator(),
      overviewOpen: this.overview.open,
    });
    if (this.overview.open && !this.room.isFacilitator()) this.toggleOverview();
    this.overview.render({
      canvases,
      currentId: this.currentId,
      templateOf: (canvas) => this.templateOf(canvas),
      notesOn: (canvasId) => engine.notesOn(canvasId),
      language: reader,
    });
    this.updateGroupTools(reader);
    this.fitIfFirstShown();
  }

  /**
   * CV4: a person lands on their group's canvas, at first and whenever the facilitator assigns
   * them; CV3: when the canvas shown is deleted, they go to their group's or the first one.
   */
  followGroupAndDeletions(canvases, groupId) {
    if (!this.ready) {
      this.ready = true;
      this.groupId = groupId;
      this.show(canvasToShow(canvases, groupId, null));
      return;
    }
    if (groupId !== this.groupId) {
      this.groupId = groupId;
      if (groupId) {
        this.show(groupId);
        toast(t('canvases.movedToGroup', { name: canvases.get(groupId).name }));
      }
    }
    if (!canvases.has(this.currentId)) {
      const gone = this.names.get(this.currentId) ?? '';
      const next = canvasToShow(canvases, groupId, null);
      this.show(next);
      toast(t('canvases.deletedMoved', { name: gone, next: canvases.get(next).name }));
    }
  }

  show(canvasId, { placed = false } = {}) {
    if (!canvasId || canvasId === this.currentId) return;
    const { board, notes } = this.room;
    if (this.currentId) this.views.set(this.currentId, { ...board.viewport });
    this.currentId = canvasId;
    notes.showCanvas(canvasId);
    const saved = this.views.get(canvasId);
    if (placed) {
      this.fitPending = null;
    } else if (saved) {
      Object.assign(board.viewport, saved);
      board.apply();
      this.fitPending = null;
    } else {
      this.fitPending = canvasId;
      this.fitIfFirstShown();
    }
    for (const listener of this.listeners) listener(canvasId);
    this.schedule();
  }

  /** The first time a canvas is shown, its whole template is brought into view. */
  fitIfFirstShown() {
    if (this.fitPending === null || this.fitPending !== this.currentId) return;
    const template = this.template();
    if (template && this.room.board.fitBox(template.bounds)) {
      this.room.board.centred = true;
      this.fitPending = null;
    }
  }

  /** The shown canvas and its template (null while loading), for the print view. */
  shown() {
    const canvas = this.room.engine.arrangement().canvases.get(this.currentId);
    return canvas ? { canvas, template: this.template() } : null;
  }

  template() {
    const canvas = this.room.engine.arrangement().canvases.get(this.currentId);
    return canvas ? this.templateOf(canvas) : null;
  }

  /** The canvas's template if loaded; otherwise it is fetched and the room drawn again after. */
  templateOf(canvas) {
    const template = loadedTemplate(canvas.template);
    if (template || this.requested.has(canvas.template)) return template;
    this.requested.add(canvas.template);
    loadTemplate(canvas.template).then(
      () => this.schedule(),
      () => setTimeout(() => this.requested.delete(canvas.template), RETRY_TEMPLATE_MS),
    );
    return null;
  }

  toggleOverview() {
    const open = !this.overview.open;
    this.overview.element.hidden = !open;
    this.boardArea.classList.toggle('overview-open', open);
    this.update();
    if (!open) this.fitIfFirstShown(); // The board is measurable again.
  }

  /** From a miniature: into its canvas, the focus on its tab. */
  jumpTo(canvasId) {
    if (this.overview.open) this.toggleOverview();
    this.show(canvasId);
    this.update();
    this.bar.focusCurrent();
  }

  rename() {
    const canvas = this.room.engine.arrangement().canvases.get(this.currentId);
    if (canvas) openRenameDialog(this.room, canvas);
  }

  remove() {
    const canvas = this.room.engine.arrangement().canvases.get(this.currentId);
    if (!canvas) return;
    if (canvas.locked) return toast(t('locks.deleteLocked'), 'error'); // LK3: the server would refuse it
    const count = this.room.engine.notesOn(canvas.id).length;
    if (!window.confirm(t('canvases.deleteConfirm', { name: canvas.name, count }))) return;
    this.room.connection.send(deleteCanvas(this.room.ids, canvas.id));
  }
}
