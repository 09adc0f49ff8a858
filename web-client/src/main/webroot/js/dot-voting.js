// Dot voting (issue 6, point 4; DV1 to DV4): the facilitator's "Dot voting" button in the top bar
// and its dialog, the banner above the board, and the dots on the notes. The server decides
// everything; this module only draws the shared state and proposes changes.

import { frameScheduler } from './frame-scheduler.js';
import { onLanguageChange, t } from './i18n.js';
import { isOpen } from './dot-votes.js';
import { VoteBanner } from './vote-banner.js';
import { openVoteDialog } from './vote-dialog.js';
import { VoteMarks } from './vote-marks.js';

/** Mounts dot voting; needs room.canvases (the canvas shown), so it mounts after it. */
export function mountDotVoting(room) {
  const banner = new VoteBanner(room);
  const marks = new VoteMarks(room, { announce: (text) => banner.announce(text) });
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.className = 'link-button vote-toggle';
  opener.dataset.testid = 'vote-toggle';
  opener.setAttribute('aria-haspopup', 'dialog');
  opener.hidden = true;
  opener.addEventListener('click', () => {
    const canvas = room.engine.arrangement().canvases.get(room.canvases.current());
    if (canvas) openVoteDialog(room, canvas);
  });
  document.getElementById('header-tools').append(opener);

  const draw = frameScheduler(() => {
    // The notes first: a note that just arrived needs its element before it gets its dots.
    room.notes.render();
    const { votes } = room.engine.arrangement();
    const shown = room.canvases.current();
    const vote = votes.get(shown) ?? null;
    const elsewhere = [...votes.values()].find((other) => other.canvasId !== shown && isOpen(other)) ?? null;
    marks.render(vote);
    banner.render(vote, elsewhere);
    opener.hidden = !room.isFacilitator();
    opener.textContent = t('vote.open');
  });
  room.engine.subscribe(draw);
  room.canvases.onChange(draw);
  onLanguageChange(draw); // after the page rebuilt its notes, on the next frame
  draw();
}
