// The moments of a join, as User Timing marks (performance.mark): when the hello went, when the
// snapshot's frame arrived, when the engine held it, and when its notes were on screen. They stay
// in this page (nothing is sent anywhere); the load tool's draw scenario reads them to measure how
// long a board of 2,000 notes takes to appear (docs/performance.md). Only the first join of a page
// is marked: a reconnect's catch-up is another story.

export const JOIN_MARKS = Object.freeze({
  helloSent: 'atelier:hello-sent',
  snapshotReceived: 'atelier:snapshot-received',
  snapshotApplied: 'atelier:snapshot-applied',
  boardDrawn: 'atelier:board-drawn',
});

const timing = globalThis.performance;

/** The time to give `markOnce` for "now"; 0 where there is no clock (never in a browser). */
export function timingNow() {
  return timing?.now?.() ?? 0;
}

/** Marks `name` at `startTime` (now by default) unless this page marked it already. */
export function markOnce(name, startTime = timingNow()) {
  if (!timing?.mark || timing.getEntriesByName(name, 'mark').length > 0) return;
  timing.mark(name, { startTime });
}

/**
 * Runs `callback` once the frame that shows the DOM as it is now has been painted: the frame's
 * requestAnimationFrame runs before its paint, and a message posted from there is handled after it.
 */
export function afterPaint(callback) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Watches the engine for its first snapshot; `drawn()`, called after each draw of the notes, marks
 * the board drawn after the paint of the first draw that followed it.
 */
export function boardDrawnMark(engine) {
  let waiting = false;
  let done = false;
  const unsubscribe = engine.subscribe((reason) => {
    if (reason !== 'snapshot') return;
    waiting = true;
    unsubscribe();
  });
  return {
    drawn() {
      if (!waiting || done) return;
      done = true;
      afterPaint(() => markOnce(JOIN_MARKS.boardDrawn));
    },
  };
}
