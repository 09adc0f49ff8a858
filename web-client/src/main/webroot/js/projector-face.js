// What the projector shows at a server time, apart from the page so that it can be tested to the
// millisecond: the current step, and either the round table's turn (speaker, who comes next, the
// countdown and its phase) or, when no round runs, the agenda's timer. The time maths are
// round-clock.js's and schedule.js's, the same as on every other screen.

import { formatTurnTime, turnClock, upcomingSpeaker } from './round-clock.js';
import { formatDuration, timerRemaining } from './schedule.js';

/**
 * @param {{agenda: object[], progress: object, timer: object, roundTable: ?object}} arrangement
 *   what engine.arrangement() gives
 * @param {Map<string, string>} names participant id to display name
 * @param {number} serverNow
 * @returns {{step: ?{title: string, kind: string, number: number, count: number},
 *   round: ?{speakerId: string, speakerName: ?string, nextId: ?string, nextName: ?string,
 *            remainingMs: number, phase: string, text: string, secondChance: boolean},
 *   timer: ?{status: 'running'|'paused'|'ended', remainingMs: number, text: string}}}
 *   `round` is null while no round runs; `timer` is shown only then, and only when not stopped.
 */
export function projectorFace(arrangement, names, serverNow) {
  const { agenda = [], progress = null, timer = null, roundTable = null } = arrangement ?? {};
  const index = agenda.findIndex((step) => step.id === progress?.currentStepId);
  const step =
    index < 0 ? null : { title: agenda[index].title, kind: agenda[index].kind, number: index + 1, count: agenda.length };
  return { step, round: roundFace(roundTable, names, serverNow), timer: roundTable?.current ? null : timerFace(timer, serverNow) };
}

function roundFace(roundTable, names, serverNow) {
  const current = roundTable?.current;
  if (!current) return null;
  const clock = turnClock(current, roundTable.warningMs, serverNow);
  const nextId = upcomingSpeaker(roundTable);
  return {
    speakerId: current.participantId,
    speakerName: names.get(current.participantId) ?? null,
    nextId,
    nextName: nextId === null ? null : (names.get(nextId) ?? null),
    remainingMs: clock.remainingMs,
    phase: clock.phase,
    text: formatTurnTime(clock.remainingMs),
    secondChance: current.secondChance === true,
  };
}

function timerFace(timer, serverNow) {
  if (timer?.status !== 'running' && timer?.status !== 'paused') return null;
  const { remainingMs, ended } = timerRemaining(timer, serverNow);
  return { status: ended ? 'ended' : timer.status, remainingMs, text: formatDuration(remainingMs) };
}

/** Whether what is shown changes with time alone, so that the page must repaint on a ticker. */
export function faceIsMoving(face) {
  if (face.round) return face.round.phase !== 'paused';
  return face.timer?.status === 'running';
}
