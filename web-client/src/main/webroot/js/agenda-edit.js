// What the facilitator's agenda editor does to the list of steps, without any DOM: every edit
// yields a new complete list, because the wire has only one agenda change, set_agenda, which
// replaces the whole agenda (AG1). Edits typed but not sent yet are kept as drafts, per step and
// per field, and laid over the newest agenda when they are sent, so that an agenda_set arriving
// from elsewhere while someone types loses neither side.

import { LIMITS, STEP_KINDS, TEMPLATES } from './protocol.js';

/** A sensible length for each kind of step, so a new step starts with a plausible plan. */
export const DEFAULT_MINUTES = { text: 5, content: 10, round_table: 20, canvas: 30, break: 15, closing: 5 };
export const MAX_PILLAR_MINUTES = 60;

/** A new step of the given kind, complete in the wire shape of AG1. */
export function newStep({ id, kind, title }) {
  if (!STEP_KINDS.includes(kind)) throw new Error(`Unknown step kind ${kind} (AG1)`);
  return {
    id,
    kind,
    title,
    body: '',
    minutes: DEFAULT_MINUTES[kind],
    template: kind === 'canvas' ? 'msc' : null,
    pillarMinutes: null,
  };
}

/** The list with the step moved by delta places (-1 up, +1 down); unchanged at either end. */
export function moveStep(steps, stepId, delta) {
  const from = steps.findIndex((step) => step.id === stepId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= steps.length) return steps;
  const moved = steps.slice();
  const [step] = moved.splice(from, 1);
  moved.splice(to, 0, step);
  return moved;
}

export function removeStep(steps, stepId) {
  return steps.filter((step) => step.id !== stepId);
}

/** The agenda with a step appended, at most LIMITS.steps long. */
export function addStep(steps, step) {
  if (steps.length >= LIMITS.steps) return steps;
  return [...steps, step];
}

/**
 * The steps with the drafts laid over them: drafts is a Map of step id to the fields typed for
 * it ({kind, title, minutes, body, template, pillarMinutes}). A draft for a step that is gone is
 * dropped; a draft value that the protocol would refuse (an empty title, 700 minutes) leaves the
 * stored value. Only canvas steps keep a template and minutes per pillar (AG1).
 */
export function applyDrafts(steps, drafts) {
  if (!drafts || drafts.size === 0) return steps;
  return steps.map((step) => {
    const draft = drafts.get(step.id);
    if (!draft) return step;
    const next = { ...step };
    if (STEP_KINDS.includes(draft.kind)) next.kind = draft.kind;
    if (draft.title !== undefined && validTitle(draft.title)) next.title = draft.title.trim();
    if (draft.body !== undefined) next.body = String(draft.body).slice(0, LIMITS.stepBody);
    if (validMinutes(draft.minutes, 0, LIMITS.stepMinutes)) next.minutes = draft.minutes;
    if (next.kind === 'canvas') {
      if (TEMPLATES.includes(draft.template)) next.template = draft.template;
      if (!TEMPLATES.includes(next.template)) next.template = 'msc';
      if (draft.pillarMinutes === null || validMinutes(draft.pillarMinutes, 1, MAX_PILLAR_MINUTES)) {
        next.pillarMinutes = draft.pillarMinutes;
      }
      next.pillarMinutes ??= null;
    } else {
      next.template = null;
      next.pillarMinutes = null;
    }
    return next;
  });
}

function validMinutes(value, min, max) {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Whether the agenda with the drafts differs from the agenda without: nothing to send otherwise. */
export function sameSteps(a, b) {
  if (a.length !== b.length) return false;
  const fields = ['id', 'kind', 'title', 'body', 'minutes', 'template', 'pillarMinutes'];
  return a.every((step, i) => fields.every((field) => (step[field] ?? null) === (b[i][field] ?? null)));
}

export function validTitle(value) {
  const trimmed = String(value ?? '').trim();
  return trimmed.length > 0 && trimmed.length <= LIMITS.title;
}

/**
 * A whole number of minutes typed in a field, or NaN when it is not one within [min, max]. An
 * empty field gives `empty` (NaN unless given): for pillar minutes, null means "no walk-through".
 */
export function parseMinutes(value, { min = 0, max = LIMITS.stepMinutes, empty = Number.NaN } = {}) {
  const text = String(value ?? '').trim();
  if (text === '') return empty;
  if (!/^\d{1,4}$/.test(text)) return Number.NaN;
  const minutes = Number(text);
  return minutes >= min && minutes <= max ? minutes : Number.NaN;
}

/**
 * The step the "next" (+1) or "previous" (-1) button goes to: from no current step, "next" starts
 * the agenda at its first step; null when there is nowhere to go.
 */
export function neighbourStep(steps, currentStepId, delta) {
  if (steps.length === 0) return null;
  const index = steps.findIndex((step) => step.id === currentStepId);
  if (index < 0) return delta > 0 ? steps[0].id : null;
  return steps[index + delta]?.id ?? null;
}

/** "2 h 30", "45 min" (French) or "2 h 30 min", "45 min" (English): a planned length. */
export function formatPlannedMinutes(minutes, language) {
  const total = Math.max(0, Math.round(Number.isFinite(minutes) ? minutes : 0));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  if (language === 'en') return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** The text with `insert` put in place of the selection, and where the caret goes after it. */
export function insertAt(value, selectionStart, selectionEnd, insert) {
  const start = clampIndex(selectionStart, value.length);
  const end = Math.max(start, clampIndex(selectionEnd, value.length));
  return { value: value.slice(0, start) + insert + value.slice(end), caret: start + insert.length };
}

function clampIndex(index, length) {
  return Number.isInteger(index) ? Math.max(0, Math.min(length, index)) : length;
}
