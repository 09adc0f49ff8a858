// Builders for the client messages of docs/protocol.md, so that no other module spells a wire
// field. Values are checked here with the limits of NT5 and NT6, before they leave the tab.

export const PROTOCOL_VERSION = 1;
export const COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'];
export const LIMITS = {
  coordinate: 100000,
  minSize: 40,
  maxSize: 2000,
  text: 2000,
  name: 40,
  title: 120,
  role: 80,
  stepBody: 20000,
  stepMinutes: 600,
  steps: 60,
  timerSeconds: 36000,
  speakingOrder: 200,
  passcodeMin: 4,
  passcodeMax: 40,
  viewExtent: 200000,
  clusterNotes: 500,
  messageBytes: 64 * 1024, // ER1: a larger message closes the socket with 1009
};

/**
 * ER1: a message the server would close the socket for (over 64 KiB once encoded). Only a whole
 * agenda (AG1: up to 60 steps of 20,000 characters each) can grow that large; it must never be
 * sent, or every reconnect would send it again and be closed again.
 */
export class MessageTooLargeError extends Error {
  constructor(bytes) {
    super(`${Math.ceil(bytes / 1024)} KiB > ${LIMITS.messageBytes / 1024} KiB`);
    this.name = 'MessageTooLargeError';
    this.bytes = bytes;
  }
}

const encoder = new TextEncoder();

/** The bytes a message takes on the wire: its JSON in UTF-8. */
export function encodedSize(message) {
  return encoder.encode(JSON.stringify(message)).length;
}
export const TEMPLATES = ['msc', 'analyse-platform', 'blank'];
export const PILLARS = ['community', 'resources', 'coproduction', 'sharing', 'cogovernance']; // AG5 order
export const STEP_KINDS = ['text', 'content', 'round_table', 'canvas', 'break', 'closing'];
export const TIMER_ACTIONS = ['start', 'pause', 'resume', 'add', 'stop'];
export const ACCESS_LEVELS = ['facilitator', 'participant', 'observer']; // RO1

/** CH1: ids are a random prefix per tab plus a counter, so two tabs never collide. */
export function idFactory(random = () => crypto.getRandomValues(new Uint32Array(2))) {
  const words = random();
  const prefix = [...words].map((word) => word.toString(36)).join('');
  let counter = 0;
  return {
    changeId: () => `${prefix}-${++counter}`,
    noteId: () => `n-${prefix}-${++counter}`,
    canvasId: () => `c-${prefix}-${++counter}`,
    stepId: () => `s-${prefix}-${++counter}`,
    clusterId: () => `k-${prefix}-${++counter}`,
  };
}

export function hello({ workshopId, token, displayName, lastRevision, facilitatorKey, observe = false, passcode = null }) {
  if (observe) {
    // HS8: an observer is nobody: no name. HS9: a token, the key or a passcode only let it past a
    // lock or a passcode, as they would let its person in.
    return {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      workshopId,
      token: token ?? null,
      displayName: null,
      lastRevision: lastRevision ?? null,
      facilitatorKey: facilitatorKey ?? null,
      observe: true,
      passcode: passcode ?? null,
    };
  }
  return {
    type: 'hello',
    protocol: PROTOCOL_VERSION,
    workshopId,
    token: token ?? null,
    displayName: token ? null : displayName,
    lastRevision: lastRevision ?? null,
    facilitatorKey: facilitatorKey ?? null, // HS7
    observe: false,
    passcode: passcode ?? null, // RO4: only a newcomer's counts
  };
}

export function createNote(ids, { canvasId = 'main', x, y, width = 200, height = 140, text = '', color = 'yellow' }) {
  return {
    type: 'create_note',
    changeId: ids.changeId(),
    noteId: ids.noteId(),
    canvasId, // NT7
    x: coordinate(x),
    y: coordinate(y),
    width: size(width),
    height: size(height),
    text: clipText(text),
    color: checkColor(color),
  };
}

export function updateNote(ids, noteId, set) {
  const clean = {};
  if (set.x !== undefined) clean.x = coordinate(set.x);
  if (set.y !== undefined) clean.y = coordinate(set.y);
  if (set.width !== undefined) clean.width = size(set.width);
  if (set.height !== undefined) clean.height = size(set.height);
  if (set.text !== undefined) clean.text = clipText(set.text);
  if (set.color !== undefined) clean.color = checkColor(set.color);
  if (Object.keys(clean).length === 0) throw new Error('update_note must set a property (NT2)');
  return { type: 'update_note', changeId: ids.changeId(), noteId, set: clean };
}

export function deleteNote(ids, noteId) {
  return { type: 'delete_note', changeId: ids.changeId(), noteId };
}

export function bringNoteToFront(ids, noteId) {
  return { type: 'bring_note_to_front', changeId: ids.changeId(), noteId };
}

/** CV1. */
export function createCanvas(ids, { template, name }) {
  if (!TEMPLATES.includes(template)) throw new Error(`Unknown template ${template} (CV1)`);
  return { type: 'create_canvas', changeId: ids.changeId(), canvasId: ids.canvasId(), template, name: label(name) };
}

/** CV2. */
export function renameCanvas(ids, canvasId, name) {
  return { type: 'rename_canvas', changeId: ids.changeId(), canvasId, name: label(name) };
}

/** CV3. */
export function deleteCanvas(ids, canvasId) {
  return { type: 'delete_canvas', changeId: ids.changeId(), canvasId };
}

/** CV4: `canvasId` null takes the participant out of every group. */
export function assignGroup(ids, participantId, canvasId) {
  return { type: 'assign_group', changeId: ids.changeId(), participantId, canvasId: canvasId ?? null };
}

/** RM1: `role` null takes the marker away. */
export function setRole(ids, pillar, role) {
  if (!PILLARS.includes(pillar)) throw new Error(`Unknown pillar ${pillar} (RM1)`);
  const clean = role === null ? null : String(role).trim().slice(0, LIMITS.role);
  return { type: 'set_role', changeId: ids.changeId(), pillar, role: clean };
}

/** AT1: whether a person takes part from a distance; of someone else, the facilitator's. */
export function setAttendance(ids, participantId, remote) {
  return { type: 'set_attendance', changeId: ids.changeId(), participantId, remote: remote === true };
}

/** RO1: `access` is facilitator, participant or observer; the facilitator's. */
export function setAccess(ids, participantId, access) {
  if (!ACCESS_LEVELS.includes(access)) throw new Error(`Unknown access ${access} (RO1)`);
  return { type: 'set_access', changeId: ids.changeId(), participantId, access };
}

/** PW1 PW2: `isPrivate` true starts private writing; false reveals, without authors if `anonymous`. */
export function setCanvasPrivacy(ids, canvasId, isPrivate, anonymous = false) {
  return { type: 'set_canvas_privacy', changeId: ids.changeId(), canvasId, private: isPrivate === true, anonymous: anonymous === true };
}

/** RO3: a locked workshop takes nobody new. */
export function lockWorkshop(ids, locked) {
  return { type: 'lock_workshop', changeId: ids.changeId(), locked: locked === true };
}

/** RO4: 4 to 40 characters once trimmed, or null for none. */
export function setPasscode(ids, passcode) {
  const clean = passcode === null ? null : String(passcode).trim();
  if (clean !== null && (clean.length < LIMITS.passcodeMin || clean.length > LIMITS.passcodeMax)) {
    throw new Error(`A passcode is ${LIMITS.passcodeMin} to ${LIMITS.passcodeMax} characters (RO4)`);
  }
  return { type: 'set_passcode', changeId: ids.changeId(), passcode: clean };
}

/** RO5: the person's sockets close and their token stops working; their notes stay. */
export function removeParticipant(ids, participantId) {
  return { type: 'remove_participant', changeId: ids.changeId(), participantId };
}

/** AG1: the whole agenda, every step complete. */
export function setAgenda(ids, steps) {
  if (steps.length > LIMITS.steps) throw new Error(`At most ${LIMITS.steps} steps (AG1)`);
  return { type: 'set_agenda', changeId: ids.changeId(), steps: steps.map(agendaStep) };
}

/** AG2. */
export function goToStep(ids, stepId) {
  return { type: 'go_to_step', changeId: ids.changeId(), stepId: stepId ?? null };
}

/** AG3. */
export function setRoaming(ids, roaming) {
  return { type: 'set_roaming', changeId: ids.changeId(), roaming: Boolean(roaming) };
}

/** AG5. */
export function focusPillar(ids, pillar) {
  if (pillar !== null && !PILLARS.includes(pillar)) throw new Error(`Unknown pillar ${pillar} (AG5)`);
  return { type: 'focus_pillar', changeId: ids.changeId(), pillar };
}

/** TM2: `seconds` for start and add. */
export function commandTimer(ids, action, seconds) {
  if (!TIMER_ACTIONS.includes(action)) throw new Error(`Unknown timer action ${action} (TM2)`);
  const message = { type: 'command_timer', changeId: ids.changeId(), action };
  if (action === 'start' || action === 'add') {
    message.seconds = Math.max(1, Math.min(LIMITS.timerSeconds, Math.round(finite(seconds))));
  }
  return message;
}

// --- Round table (RT1 to RT7) ---------------------------------------------------------------

/** RT1: the whole speaking order; removing or reordering people sends a new order. */
export function setSpeakingOrder(ids, participantIds) {
  const unique = [...new Set(participantIds)].slice(0, LIMITS.speakingOrder);
  return { type: 'set_speaking_order', changeId: ids.changeId(), participantIds: unique };
}

/** RT2: ask to be added to the order. */
export function raiseHand(ids) {
  return { type: 'raise_hand', changeId: ids.changeId() };
}

/** RT2. */
export function lowerHand(ids) {
  return { type: 'lower_hand', changeId: ids.changeId() };
}

/** RT2: the facilitator adds a raised hand to the order, or declines it. */
export function answerHand(ids, participantId, accept) {
  return { type: 'answer_hand', changeId: ids.changeId(), participantId, accept: Boolean(accept) };
}

/** RT3: turn length 10 to 1800 seconds, warning 0 to 300 seconds before the end. */
export function configureRound(ids, turnSeconds, warningSeconds) {
  return {
    type: 'configure_round',
    changeId: ids.changeId(),
    turnSeconds: Math.max(10, Math.min(1800, Math.round(finite(turnSeconds)))),
    warningSeconds: Math.max(0, Math.min(300, Math.round(finite(warningSeconds)))),
  };
}

/** RT7: 1 to 1800 more seconds for the current turn. */
export function addTurnTime(ids, seconds) {
  return {
    type: 'add_turn_time',
    changeId: ids.changeId(),
    seconds: Math.max(1, Math.min(1800, Math.round(finite(seconds)))),
  };
}

/** RT4 to RT7: the steps of a round, each its own message type. */
export const ROUND_COMMANDS = Object.freeze([
  'start_round',
  'next_turn',
  'previous_turn',
  'pass_turn',
  'end_turn',
  'pause_round',
  'resume_round',
  'end_round',
]);

export function commandRound(ids, type) {
  if (!ROUND_COMMANDS.includes(type)) throw new Error(`Unknown round command ${type} (RT4)`);
  return { type, changeId: ids.changeId() };
}

export const startRound = (ids) => commandRound(ids, 'start_round');
export const nextTurn = (ids) => commandRound(ids, 'next_turn');
export const previousTurn = (ids) => commandRound(ids, 'previous_turn');
export const passTurn = (ids) => commandRound(ids, 'pass_turn');
export const endTurn = (ids) => commandRound(ids, 'end_turn');
export const pauseRound = (ids) => commandRound(ids, 'pause_round');
export const resumeRound = (ids) => commandRound(ids, 'resume_round');
export const endRound = (ids) => commandRound(ids, 'end_round');

// --- Locks (LK1, LK2) and clusters (CL1 to CL5): the facilitator's -------------------------

/** LK1: the canvas read-only for the participants, or writable again. */
export function lockCanvas(ids, canvasId, locked) {
  return { type: 'lock_canvas', changeId: ids.changeId(), canvasId, locked: locked === true };
}

/** LK2. */
export function lockNote(ids, noteId, locked) {
  return { type: 'lock_note', changeId: ids.changeId(), noteId, locked: locked === true };
}

/** CL1: a new cluster of notes of one canvas, under a title. */
export function createCluster(ids, { canvasId, title, noteIds }) {
  return {
    type: 'create_cluster',
    changeId: ids.changeId(),
    clusterId: ids.clusterId(),
    canvasId,
    title: label(title),
    noteIds: clusterNotes(noteIds),
  };
}

/** CL2. */
export function renameCluster(ids, clusterId, title) {
  return { type: 'rename_cluster', changeId: ids.changeId(), clusterId, title: label(title) };
}

/** CL3: the notes join the cluster, leaving any other. */
export function addToCluster(ids, clusterId, noteIds) {
  return { type: 'add_to_cluster', changeId: ids.changeId(), clusterId, noteIds: clusterNotes(noteIds) };
}

/** CL3: the notes leave the cluster; the last one leaving dissolves it. */
export function removeFromCluster(ids, clusterId, noteIds) {
  return { type: 'remove_from_cluster', changeId: ids.changeId(), clusterId, noteIds: clusterNotes(noteIds) };
}

/** CL4. */
export function dissolveCluster(ids, clusterId) {
  return { type: 'dissolve_cluster', changeId: ids.changeId(), clusterId };
}

/** CL5: every note of the cluster by the same offset, as one change. */
export function moveCluster(ids, clusterId, dx, dy) {
  const offset = (value) => Math.max(-2 * LIMITS.coordinate, Math.min(2 * LIMITS.coordinate, Math.round(finite(value) * 100) / 100));
  return { type: 'move_cluster', changeId: ids.changeId(), clusterId, dx: offset(dx), dy: offset(dy) };
}

/** CL1, CL3: 1 to 500 distinct note ids. */
function clusterNotes(noteIds) {
  const unique = [...new Set(noteIds)];
  if (unique.length === 0 || unique.length > LIMITS.clusterNotes) {
    throw new Error(`A cluster change names 1 to ${LIMITS.clusterNotes} notes (CL1)`);
  }
  return unique;
}

function agendaStep(step) {
  if (!STEP_KINDS.includes(step.kind)) throw new Error(`Unknown step kind ${step.kind} (AG1)`);
  const canvas = step.kind === 'canvas';
  return {
    id: step.id,
    kind: step.kind,
    title: label(step.title),
    body: String(step.body ?? '').slice(0, LIMITS.stepBody),
    minutes: Math.max(0, Math.min(LIMITS.stepMinutes, Math.round(finite(step.minutes)))),
    template: canvas && TEMPLATES.includes(step.template) ? step.template : null,
    pillarMinutes: canvas && step.pillarMinutes ? Math.max(1, Math.min(60, Math.round(step.pillarMinutes))) : null,
  };
}

/** A one-line name or title, 1 to 120 characters once trimmed. */
function label(value) {
  const trimmed = String(value ?? '').trim().slice(0, LIMITS.title);
  if (trimmed.length === 0) throw new Error('A name is required');
  return trimmed;
}

/** CU1 to CU3: where this tab points, on which canvas, editing which note. */
export function moveCursor(x, y, editingNoteId, canvasId = 'main') {
  return { type: 'move_cursor', x: coordinate(x), y: coordinate(y), editingNoteId: editingNoteId ?? null, canvasId };
}

/** FS1: every other screen comes to this canvas and this rectangle of its world. */
export function summon(canvasId, view) {
  return { type: 'summon', canvasId, view: viewRegion(view) };
}

/** FS2: where the facilitator's screen is now, for the people who follow it. */
export function shareView(canvasId, view) {
  return { type: 'share_view', canvasId, view: viewRegion(view) };
}

function viewRegion({ x, y, width, height }) {
  const extent = (value) => Math.max(1, Math.min(LIMITS.viewExtent, Math.round(finite(value) * 100) / 100));
  return { x: coordinate(x), y: coordinate(y), width: extent(width), height: extent(height) };
}

export function sync(lastRevision) {
  return { type: 'sync', lastRevision };
}

export function ping(clientTime) {
  return { type: 'ping', clientTime };
}

function finite(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`Not a number: ${value} (NT6)`);
  return value;
}

function coordinate(value) {
  const rounded = Math.round(finite(value) * 100) / 100;
  return Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, rounded));
}

function size(value) {
  return Math.max(LIMITS.minSize, Math.min(LIMITS.maxSize, Math.round(finite(value))));
}

/** NT5 counts UTF-16 units, as the server does; a surrogate pair is never cut in half. */
function clipText(text) {
  const clipped = String(text).slice(0, LIMITS.text);
  const last = clipped.charCodeAt(clipped.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? clipped.slice(0, -1) : clipped;
}

function checkColor(color) {
  if (!COLORS.includes(color)) throw new Error(`Unknown colour ${color} (NT6)`);
  return color;
}

// --- Dot voting (DV1 to DV3) -----------------------------------------------------------------

/** DV1: a vote on a canvas, or on one pillar's notes (`pillar` null: the whole canvas). */
export function openVote(ids, { canvasId, pillar = null, dotsPerPerson, maxPerNote = null, secret = false }) {
  if (pillar !== null && !PILLARS.includes(pillar)) throw new Error(`Unknown pillar ${pillar} (DV1)`);
  const dots = Math.round(finite(dotsPerPerson));
  if (dots < 1 || dots > 20) throw new Error('1 to 20 dots per person (DV1)');
  const max = maxPerNote === null ? null : Math.round(finite(maxPerNote));
  if (max !== null && (max < 1 || max > dots)) throw new Error('A note takes 1 to all of a person’s dots (DV1)');
  const changeId = ids.changeId();
  return { type: 'open_vote', changeId, voteId: `v-${changeId}`, canvasId, pillar, dotsPerPerson: dots, maxPerNote: max, secret: secret === true };
}

/** DV3. */
export function closeVote(ids, voteId) {
  return { type: 'close_vote', changeId: ids.changeId(), voteId };
}

/** DV3: takes the vote, open or closed, off its canvas. */
export function clearVote(ids, voteId) {
  return { type: 'clear_vote', changeId: ids.changeId(), voteId };
}

/** DV2. */
export function placeDot(ids, voteId, noteId) {
  return { type: 'place_dot', changeId: ids.changeId(), voteId, noteId };
}

/** DV2. */
export function removeDot(ids, voteId, noteId) {
  return { type: 'remove_dot', changeId: ids.changeId(), voteId, noteId };
}
