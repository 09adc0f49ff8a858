// Many socket messages can arrive within one frame: what they change is drawn once per frame.

/**
 * Returns a function that asks for `draw` to run once at the next frame, however often it is
 * called before then. Hidden tabs get no frames, so a timer runs it too: their page must still be
 * current when it is shown again.
 */
export function frameScheduler(draw) {
  let scheduled = false;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    draw();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
    setTimeout(run, 100);
  };
}
