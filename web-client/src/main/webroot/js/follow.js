// Follow and summon (issue 6, FS1 to FS3). The facilitator's "Rassembler ici" brings every other
// screen to their canvas and the area their board shows; a participant may follow the
// facilitator's screen all along, until their own gesture takes the view back. Both are moments,
// not state: volatile messages, nothing stored. The facilitator's screen says where it is
// (view-share.js); the arithmetic is in view-region.js; the toggle and the badge in follow-view.js.

import { FollowControls } from './follow-view.js';
import { onLanguageChange, t } from './i18n.js';
import { shareView, summon } from './protocol.js';
import { toast } from './toasts.js';
import {
  FacilitatorViews,
  easeLook,
  easingFraction,
  fitRegion,
  lookOf,
  looksAlike,
  viewportOf,
  visibleRegion,
} from './view-region.js';
import { ViewPublisher } from './view-share.js';

/** Mounts follow and summon; needs `room.canvases` (mounted before it). */
export function mountFollow(room) {
  return new Follow(room);
}

class Follow {
  constructor(room) {
    this.room = room;
    this.views = new FacilitatorViews();
    this.following = false;
    this.interrupted = false; // the person's own gesture stopped following: the badge offers to resume
    this.placing = false; // this module is changing the canvas shown: not the person's choice
    this.easing = null; // {region, at}: the rectangle the screen eases to, and the last frame's time
    this.frame = null;
    const { board, connection } = room;

    this.publisher = new ViewPublisher({
      read: () => this.ownView(),
      send: ({ canvasId, view }) => connection.sendVolatile(shareView(canvasId, view)),
      active: () => document.visibilityState === 'visible' && document.hasFocus(),
    });
    this.publisher.start(); // it reads nothing, so sends nothing, while this screen does not facilitate
    this.controls = new FollowControls({ toolbar: board.toolbar, board: board.element, onToggle: () => this.toggle() });
    room.canvases.addTool({
      name: 'summon',
      testid: 'summon-everyone',
      key: 'follow.summon',
      titleKey: 'follow.summonHint',
      action: () => this.summon(),
      facilitatorOnly: true,
    });

    board.onView(({ byPerson }) => {
      if (byPerson) this.takenBack();
      if (room.isFacilitator()) this.publisher.changed();
    });
    room.canvases.onChange(() => {
      if (!this.placing) this.takenBack(); // a tab chosen, a group assigned, a canvas deleted
      if (room.isFacilitator()) this.publisher.changed();
    });
    // Touching the board (a note too), or opening a note's editor from the keyboard, is the
    // person's own doing: the screen stops moving under their hands.
    board.element.addEventListener(
      'pointerdown',
      (event) => {
        if (!this.controls.contains(event.target)) this.takenBack();
      },
      true,
    );
    board.element.addEventListener('focusin', (event) => {
      if (event.target.matches('textarea')) this.takenBack();
    });
    connection.onMessage((message) => this.received(message));
    room.engine.subscribe(() => this.render());
    onLanguageChange(() => this.render());
    this.render();
  }

  received(message) {
    if (message.type === 'welcome') {
      // After a reconnect, followers have the view at once (nothing is read unless facilitating).
      this.publisher.flush({ again: true });
      this.render();
    } else if (message.type === 'summoned') {
      this.summoned(message);
    } else if (message.type === 'facilitator_view') {
      if (message.participantId === this.room.selfId()) return; // this person's other tab
      if (this.views.take(message) && this.following) this.showLeading();
      this.render();
    }
  }

  /** FS1: the facilitator's screen, this very moment, on every other screen. */
  summon() {
    const current = this.room.canvases.current();
    // With the overview open the board is not measured: the view it last showed stands for it.
    const last = this.publisher.last?.canvasId === current ? this.publisher.last : null;
    const shared = this.ownView() ?? last;
    if (!shared) {
      toast(t('follow.summonNoView'), 'error');
      return;
    }
    const sent = this.room.connection.sendVolatile(summon(shared.canvasId, shared.view));
    toast(t(sent ? 'follow.summonSent' : 'follow.summonOffline'), sent ? 'info' : 'error');
  }

  /**
   * FS3: every screen but the summoning person's own comes to the canvas and view, following or
   * not, roaming or not. A note being edited is closed first, its text sent: nothing is lost.
   */
  summoned({ participantId, canvasId, view }) {
    if (participantId === this.room.selfId()) return;
    if (!this.room.engine.arrangement().canvases.has(canvasId)) return; // unknown here: stay
    const editing = this.room.notes.editor.noteId !== null;
    if (editing) this.room.notes.editor.close({ commit: true });
    this.place(canvasId, view, { ease: false });
    const name = this.nameOf(participantId) ?? t('follow.facilitator');
    toast(t(editing ? 'follow.summonedEditing' : 'follow.summoned', { name }));
  }

  toggle() {
    this.interrupted = false;
    this.following = !this.following;
    if (this.following) this.showLeading();
    else this.stopEasing();
    this.render();
  }

  /** The person moved the view, touched the board or chose a canvas: following stops, visibly. */
  takenBack() {
    if (!this.following) return;
    this.following = false;
    this.interrupted = true;
    this.stopEasing();
    this.render();
  }

  showLeading() {
    const leading = this.views.leading();
    if (leading) this.place(leading.canvasId, leading.view, { ease: true });
  }

  /** Shows a canvas and fits the world rectangle into this board (FS3): at once, or eased. */
  place(canvasId, region, { ease }) {
    const { canvases } = this.room;
    if (canvases.current() !== canvasId) {
      if (!this.room.engine.arrangement().canvases.has(canvasId)) return;
      this.placing = true;
      try {
        canvases.showPlaced(canvasId);
      } finally {
        this.placing = false;
      }
      ease = false; // another canvas: there is no way to ease from one to the other
    }
    if (!ease) {
      this.stopEasing();
      const size = this.boardSize();
      if (size) this.setViewport(fitRegion(region, size.width, size.height));
      return;
    }
    this.easing = { region, at: this.easing?.at ?? performance.now() - 16 };
    if (this.frame === null) this.frame = requestAnimationFrame((now) => this.ease(now));
  }

  /** One frame of easing towards the rectangle: no jump, no jitter as new views arrive. */
  ease(now) {
    this.frame = null;
    const size = this.boardSize();
    if (!this.easing || !size) return;
    const { width, height } = size;
    const target = lookOf(fitRegion(this.easing.region, width, height), width, height);
    const current = lookOf(this.room.board.viewport, width, height);
    const next = easeLook(current, target, easingFraction(now - this.easing.at));
    this.easing.at = now;
    const arrived = looksAlike(next, target);
    this.setViewport(viewportOf(arrived ? target : next, width, height));
    if (arrived) this.easing = null;
    else this.frame = requestAnimationFrame((time) => this.ease(time));
  }

  stopEasing() {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.easing = null;
  }

  setViewport(viewport) {
    const { board } = this.room;
    Object.assign(board.viewport, viewport);
    board.centred = true; // the first view is given: the board does not fit its content over it
    board.apply();
  }

  /** FS2: what this facilitator's board shows now, or null (not facilitating, nothing shown). */
  ownView() {
    if (!this.room.isFacilitator()) return null;
    const canvasId = this.room.canvases.current();
    const size = this.boardSize();
    if (!canvasId || !size) return null;
    return { canvasId, view: visibleRegion(this.room.board.viewport, size.width, size.height) };
  }

  boardSize() {
    const rect = this.room.board.element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 ? { width: rect.width, height: rect.height } : null;
  }

  nameOf(participantId) {
    return this.room.engine.participants.get(participantId)?.name ?? null;
  }

  render() {
    // A participant's screen may follow; a facilitator's never does (it is the one followed).
    const offered = !this.room.isFacilitator() && this.room.connection.participantId !== null;
    if (!offered && this.following) {
      this.following = false;
      this.stopEasing();
    }
    const leading = this.views.leading();
    this.controls.render({
      offered,
      following: this.following,
      interrupted: this.interrupted,
      leading: leading !== null,
      leaderName: leading ? this.nameOf(leading.participantId) : null,
    });
  }
}
