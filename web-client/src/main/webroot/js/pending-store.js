// Changes not yet acknowledged survive a reload of the tab (SY3, "nothing lost"): they are kept
// in sessionStorage, which is per tab, and proposed again, with the same changeIds, when the
// page opens. The server applies a changeId once (CH2), so sending one twice is safe.

export function keepPendingAcrossReloads(engine, workshopId, storage = globalThis.sessionStorage) {
  const key = `atelier.pending.${workshopId}`;
  try {
    const saved = JSON.parse(storage.getItem(key) ?? '[]');
    for (const change of saved) engine.propose(change);
  } catch {
    // A corrupt or unavailable store holds nothing to restore.
  }
  let written = null;
  engine.subscribe(() => {
    const changes = JSON.stringify(engine.pendingChanges());
    if (changes === written) return;
    written = changes;
    try {
      storage.setItem(key, changes);
    } catch {
      // Storage full or refused: the changes still live in memory until the tab closes.
    }
  });
}
