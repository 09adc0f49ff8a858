// Dot voting as the client reads it (DV1 to DV4), with no DOM: a vote's dots after an event, how
// many dots a person has left, what the server would refuse, the totals and the ranking. The
// server decides; this lets the page draw at once what it will decide, and say why it will not.

export const MAX_DOTS = 20; // DV1

/** A vote as a snapshot or vote_opened gives it, with the arrays it may leave out. */
export function voteOf(wire) {
  return { ...wire, noteIds: [...(wire.noteIds ?? [])], dots: [...(wire.dots ?? [])], results: [...(wire.results ?? [])] };
}

export function isOpen(vote) {
  return Boolean(vote) && (vote.closedAt === null || vote.closedAt === undefined);
}

/** The vote with one dot more (delta 1) or less (delta -1) of a person on a note (DV2). */
export function withDot(vote, participantId, noteId, delta) {
  const dots = [];
  let found = false;
  for (const entry of vote.dots) {
    if (entry.participantId === participantId && entry.noteId === noteId) {
      found = true;
      if (entry.count + delta > 0) dots.push({ ...entry, count: entry.count + delta });
    } else {
      dots.push(entry);
    }
  }
  if (!found && delta > 0) dots.push({ participantId, noteId, count: delta });
  return { ...vote, dots };
}

/** How many dots a person has on a note. */
export function dotsOn(vote, participantId, noteId) {
  return vote.dots
    .filter((entry) => entry.participantId === participantId && entry.noteId === noteId)
    .reduce((sum, entry) => sum + entry.count, 0);
}

/** DV2: dots per person less those on live notes of the ballot (a deleted note gives them back). */
export function dotsLeft(vote, participantId, liveNoteIds) {
  const spent = vote.dots
    .filter((entry) => entry.participantId === participantId && liveNoteIds.has(entry.noteId))
    .reduce((sum, entry) => sum + entry.count, 0);
  return Math.max(0, vote.dotsPerPerson - spent);
}

/**
 * DV2: why the server would refuse this dot, as its error code, or null when it would take it.
 * `placed` false asks about taking one back.
 */
export function refusalOf(vote, participantId, noteId, liveNoteIds, placed = true) {
  if (!isOpen(vote)) return 'no_vote';
  if (!vote.noteIds.includes(noteId) || !liveNoteIds.has(noteId)) return 'not_in_vote';
  const mine = dotsOn(vote, participantId, noteId);
  if (!placed) return mine === 0 ? 'no_dot' : null;
  if (dotsLeft(vote, participantId, liveNoteIds) === 0) return 'no_dots_left';
  if (vote.maxPerNote !== null && vote.maxPerNote !== undefined && mine >= vote.maxPerNote) return 'note_limit';
  return null;
}

/** Each note's dots and the number of people who gave them: Map noteId -> {dots, voters}. */
export function totals(vote) {
  const byNote = new Map();
  for (const { participantId, noteId, count } of vote.dots) {
    const entry = byNote.get(noteId) ?? { dots: 0, voters: new Set() };
    entry.dots += count;
    entry.voters.add(participantId);
    byNote.set(noteId, entry);
  }
  return new Map([...byNote].map(([noteId, { dots, voters }]) => [noteId, { dots, voters: voters.size }]));
}

/**
 * DV3, as the server ranks: the ballot's live notes by dots, then by how many people gave them;
 * notes equal on both share a rank (1, 2, 2, 4) and keep the ballot's order.
 */
export function rank(vote, liveNoteIds) {
  const counted = totals(vote);
  const rows = vote.noteIds
    .filter((noteId) => liveNoteIds.has(noteId))
    .map((noteId) => ({ noteId, dots: counted.get(noteId)?.dots ?? 0, voters: counted.get(noteId)?.voters ?? 0 }));
  const order = (a, b) => b.dots - a.dots || b.voters - a.voters;
  const sorted = rows.map((row, index) => ({ row, index })).sort((a, b) => order(a.row, b.row) || a.index - b.index);
  // The first row equal to this one gives the rank: tied rows share it, the next one skips.
  return sorted.map(({ row }) => ({ ...row, rank: sorted.findIndex(({ row: other }) => order(other, row) === 0) + 1 }));
}

/**
 * What the results panel lists: a closed vote's results (or, for a public vote still open, the
 * ranking so far), without notes deleted since; `final` says which it is. A secret open vote has
 * nothing to show yet (DV4).
 */
export function standings(vote, liveNoteIds) {
  if (!vote) return null;
  if (!isOpen(vote)) return { final: true, rows: vote.results.filter((row) => liveNoteIds.has(row.noteId)) };
  if (vote.secret) return null;
  return { final: false, rows: rank(vote, liveNoteIds) };
}
