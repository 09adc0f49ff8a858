// Issue 6, point 5: locks (LK1 to LK3, locks.js) and clusters of notes (CL1 to CL5,
// cluster-tools.js and cluster-layer.js), mounted with one call after the canvases.

import { mountClusters } from './cluster-tools.js';
import { mountLocks } from './locks.js';

export function mountLocksAndClusters(room) {
  mountLocks(room);
  mountClusters(room);
}
