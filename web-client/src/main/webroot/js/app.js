// The workshop page: find the workshop, ask for a name the first time only (HS4), then open the
// room: one SyncEngine, one Connection, the canvas, the notes and the people, wired together.

import { mountAgenda } from './agenda.js';
import { mountAttendance, rememberJoinChoice } from './attendance.js';
import { mountLocksAndClusters } from './locks-and-clusters.js';
import { Board } from './board.js';
import { mountCanvases } from './canvases.js';
import { Connection } from './connection.js';
import { mountDotVoting } from './dot-voting.js';
import { refusalText } from './export-file.js';
import { mountExports } from './exports.js';
import { mountFollow } from './follow.js';
import { frameScheduler } from './frame-scheduler.js';
import { bindLanguageToggle, initLanguage, onLanguageChange, t, translatePage } from './i18n.js';
import { identityFor, takeFacilitatorKey } from './identity.js';
import { boardDrawnMark } from './join-timing.js';
import { NotesLayer } from './notes-layer.js';
import { keepPendingAcrossReloads } from './pending-store.js';
import { mountPeopleToggle } from './people-toggle.js';
import { mountProjectorLink } from './projector-link.js';
import { Presence } from './presence.js';
import { mountPrivateWriting } from './private-writing.js';
import { idFactory } from './protocol.js';
import { mountRoleMap } from './role-map.js';
import { mountRoles } from './roles.js';
import { mountRoundTable } from './round-table.js';
import { showFailure, showStatus } from './status-view.js';
import { SyncEngine } from './sync-engine.js';
import { copyLink, toast } from './toasts.js';
import { mountTopBar } from './top-bar.js';
import { mountUndo } from './undo-controls.js';

const MAX_NAME = 40;
const $ = (id) => document.getElementById(id);

const workshopId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const facilitatorKey = takeFacilitatorKey(workshopId, location, history);
const identity = identityFor(workshopId, globalThis.localStorage, facilitatorKey);

initLanguage(document.documentElement.lang.startsWith('en') ? 'en' : 'fr');
translatePage(document);
bindLanguageToggle(document.querySelector('[data-testid=language-toggle]'));
$('gate-retry').addEventListener('click', () => loadWorkshop());
$('failure-reload').addEventListener('click', () => location.reload());
loadWorkshop();

async function loadWorkshop() {
  showGate('gate-loading');
  let response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`);
  } catch {
    showProblem(t('workshop.loadFailed'), true);
    return;
  }
  if (response.status === 404) {
    showProblem(t('workshop.notFound'), false);
    return;
  }
  if (!response.ok) {
    showProblem(t('workshop.loadFailed'), true);
    return;
  }
  const workshop = await response.json();
  initLanguage(workshop.language);
  showTitle(workshop.title);
  if (identity.token()) {
    openRoom(workshop);
  } else {
    askName(workshop);
  }
}

function askName(workshop) {
  showGate('gate-join');
  $('join-workshop-title').textContent = workshop.title;
  const input = $('name-input');
  input.focus();
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name.length === 0 || name.length > MAX_NAME) {
      $('join-error').hidden = false;
      $('join-error').textContent = t('join.nameRequired');
      input.focus();
      return;
    }
    identity.chooseName(name);
    const remote = $('join-form').querySelector('input[name=attendance]:checked')?.value === 'remote';
    rememberJoinChoice(globalThis.localStorage, workshop.id, remote);
    openRoom(workshop);
  });
}

function openRoom(workshop) {
  $('gate').hidden = true;
  $('room').hidden = false;
  $('facilitator-badge').hidden = !facilitatorKey;
  const share = $('share-button');
  share.hidden = false;
  share.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = `${location.origin}/w/${encodeURIComponent(workshop.id)}`;
    copyLink(link, { done: t('copy.done'), failed: t('copy.failed') });
  });

  const engine = new SyncEngine();
  keepPendingAcrossReloads(engine, workshop.id);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const connection = new Connection({ url: `${scheme}://${location.host}/ws`, workshopId: workshop.id, engine, identity });
  const boardElement = document.querySelector('[data-testid=canvas]');
  const board = new Board({ element: boardElement, toolbar: document.querySelector('.board-toolbar'), connection });
  const presence = new Presence({
    list: document.querySelector('[data-testid=participant-list]'),
    world: board.world,
    engine,
    selfId: () => connection.participantId ?? identity.participantId(),
  });
  const notes = new NotesLayer({
    world: board.world,
    engine,
    connection,
    ids: idFactory(),
    viewport: board.viewport,
    presence,
    onEditingChange: (noteId) => board.setEditing(noteId),
  });
  board.attach(notes);
  presence.canvasId = () => notes.canvasId();

  // What every feature of the room is given: the shared state, the socket, who this tab is.
  let facilitator = false; // HS7: what the server said in welcome, not what the link claims
  const room = {
    workshop,
    engine,
    connection,
    ids: notes.ids,
    board,
    notes,
    presence,
    facilitatorKey,
    // RO1: the shared state says who steers now (a promotion or a hand-over takes effect at
    // once); until the snapshot has this person, the welcome says it.
    isFacilitator: () => {
      const set = engine.arrangement().access.get(room.selfId());
      return set ? set === 'facilitator' : facilitator;
    },
    selfId: () => connection.participantId ?? identity.participantId(),
    /** RO6: the Bearer secret of the facilitator's HTTP routes: the key, else this person's token. */
    credential: () => identity.credential(),
  };
  // Features mount here, each with its own module: mountX(room).
  mountRoles(room);
  mountUndo(room);
  mountProjectorLink(room);
  mountCanvases(room);
  mountPrivateWriting(room); // after the canvases: its tool and tab marks are theirs
  mountFollow(room); // FS1-FS3: after the canvases, whose bar holds its tool
  mountLocksAndClusters(room); // after the canvases: it adds a canvas tool
  mountDotVoting(room); // after mountCanvases: it draws the vote of the canvas shown
  mountRoleMap(room);
  mountAttendance(room);
  mountAgenda(room);
  mountRoundTable(room);
  mountExports(room);
  mountPeopleToggle(room);
  offerDeletion(workshop, room);
  mountTopBar(); // last: it orders and fits the tools the features above put in the top bar

  const joinDrawn = boardDrawnMark(engine); // the join's last mark, read by the draw benchmark
  const render = frameScheduler(() => {
    $('facilitator-badge').hidden = !room.isFacilitator();
    $('delete-button').hidden = !room.isFacilitator(); // RO1 RO6: whoever facilitates now
    notes.render();
    joinDrawn.drawn();
    presence.render();
    board.centreOnContent(engine.notes());
  });
  engine.subscribe(render);
  onLanguageChange(() => {
    notes.editor.close({ commit: true });
    for (const element of notes.elements.values()) element.remove();
    notes.elements.clear();
    showStatus($('connection-status'), connection.status());
    showFailure($('failure-banner'), $('failure-text'), connection.failure);
    render();
  });

  connection.onState((status) => {
    showStatus($('connection-status'), status);
    showFailure($('failure-banner'), $('failure-text'), status.failure);
  });
  connection.onMessage((message, outcome) => {
    if (message.type === 'cursor_moved') {
      presence.cursorMoved(message);
      notes.refreshEditingMarks();
    } else if (message.type === 'welcome') {
      facilitator = message.facilitator;
      engine.welcomedAs(message.participant.id);
      showTitle(message.workshop.title);
      if (facilitatorKey && !message.facilitator) toast(t('workshop.notFacilitator'), 'error');
      render();
    } else if (outcome?.rateLimited) {
      toast(t('error.rate_limited')); // LM1: once per wait; the changes go again by themselves
    } else if (outcome?.refused) {
      const key = `error.${outcome.refused.code}`;
      const text = t(key, { message: outcome.refused.message });
      toast(text === key ? t('error.generic') : text, 'error');
    } else if (message.type === 'error') {
      console.warn('Atelier server error', message);
    }
  });
  addEventListener('offline', () => connection.wentOffline());
  addEventListener('online', () => connection.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') connection.retryNow();
  });
  addEventListener('beforeunload', (event) => {
    // Closing the tab (not reloading it) would lose what is not sent yet: ask first.
    if (engine.pendingCount() > 0 && connection.state !== 'connected') event.preventDefault();
  });
  window.atelier = { engine, connection, room };
  connection.start();
  boardElement.focus({ preventScroll: true });
}

/** A facilitator may delete the workshop for everyone, after saying so twice. */
function offerDeletion(workshop, room) {
  const button = $('delete-button');
  button.addEventListener('click', async () => {
    if (!window.confirm(t('workshop.deleteConfirm'))) return;
    try {
      const response = await fetch(`/api/workshops/${encodeURIComponent(workshop.id)}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${room.credential()}` },
      });
      if (response.status === 204) {
        toast(t('workshop.deleted'));
        button.hidden = true;
      } else {
        const body = await response.json().catch(() => ({}));
        toast(t('workshop.deleteFailed', { message: refusalText(response.status, body) }), 'error');
      }
    } catch {
      toast(t('workshop.deleteFailed', { message: t('workshop.loadFailed') }), 'error');
    }
  });
}


function showTitle(title) {
  $('workshop-title').textContent = title;
  document.title = `${title} · Atelier`;
}

function showGate(sectionId) {
  for (const id of ['gate-loading', 'gate-problem', 'gate-join']) $(id).hidden = id !== sectionId;
}

function showProblem(text, canRetry) {
  showGate('gate-problem');
  $('gate-problem-text').textContent = text;
  $('gate-retry').hidden = !canRetry;
}
