// The time maths of the agenda and its timers, apart from any view so that it can be tested to
// the millisecond: how late the workshop runs against its plan, how long a timer has left, how
// a duration reads on a projector, and which pillar comes next when a canvas exercise walks the
// model pillar by pillar. All times are server epoch milliseconds (see clock.js): every tab then
// computes the same thing.

const MINUTE_MS = 60000;

/** The model's usual order of discussion: start with the community, end with co-governance. */
export const PILLAR_ORDER = ['community', 'resources', 'coproduction', 'sharing', 'cogovernance'];

/** The planned length of an agenda, in minutes. */
export function totalMinutes(steps) {
  return steps.reduce((sum, step) => sum + minutesOf(step), 0);
}

/**
 * How the workshop stands against its plan. The current step should end at the agenda's start
 * plus the minutes of every step up to it; it will end no sooner than now, nor before its own
 * minutes have run. Within a minute either way counts as on time.
 * @param {{minutes: number, id: string}[]} steps
 * @param {{currentStepId: ?string, stepStartedAt: ?number, agendaStartedAt: ?number}} progress
 * @param {number} now server time
 * @returns {{state: 'not_started'|'on_time'|'late'|'ahead', minutes: number}}
 */
export function lateness(steps, progress, now) {
  const index = steps.findIndex((step) => step.id === progress?.currentStepId);
  if (index < 0 || !Number.isFinite(progress.agendaStartedAt)) return { state: 'not_started', minutes: 0 };
  const plannedEnd = progress.agendaStartedAt + totalMinutes(steps.slice(0, index + 1)) * MINUTE_MS;
  const stepStartedAt = Number.isFinite(progress.stepStartedAt) ? progress.stepStartedAt : now;
  const projectedEnd = Math.max(now, stepStartedAt + minutesOf(steps[index]) * MINUTE_MS);
  const differenceMs = projectedEnd - plannedEnd;
  if (Math.abs(differenceMs) <= MINUTE_MS) return { state: 'on_time', minutes: 0 };
  const minutes = Math.round(Math.abs(differenceMs) / MINUTE_MS);
  return { state: differenceMs > 0 ? 'late' : 'ahead', minutes };
}

/**
 * What a timer has left at the given server time, never below zero. A running timer counts down
 * to its deadline and has ended once it is reached; a paused one keeps what it had left; a
 * stopped one shows its whole duration.
 * @param {{status: 'stopped'|'running'|'paused', durationMs: number, deadline: ?number,
 *          remainingMs: ?number}} timer
 * @returns {{remainingMs: number, ended: boolean}}
 */
export function timerRemaining(timer, serverNow) {
  if (timer?.status === 'running') {
    const left = timer.deadline - serverNow;
    if (!(left > 0)) return { remainingMs: 0, ended: true };
    return { remainingMs: left, ended: false };
  }
  const left = timer?.status === 'paused' ? timer.remainingMs : timer?.durationMs;
  return { remainingMs: Number.isFinite(left) ? Math.max(0, left) : 0, ended: false };
}

/**
 * "m:ss", or "h:mm:ss" from an hour up. Rounded up to the next second, so that a running timer
 * shows 0:01 in its last second and reads 0:00 only once it has really ended.
 */
export function formatDuration(ms) {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The pillar after this one in the order of discussion: the first when none yet, null after the last. */
export function nextPillar(current) {
  if (current === null || current === undefined) return PILLAR_ORDER[0];
  const index = PILLAR_ORDER.indexOf(current);
  return index < 0 ? null : (PILLAR_ORDER[index + 1] ?? null);
}

function minutesOf(step) {
  return Number.isFinite(step?.minutes) ? Math.max(0, step.minutes) : 0;
}
