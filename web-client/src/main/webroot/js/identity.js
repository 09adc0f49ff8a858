// Who this browser is in one workshop (HS4): the participant token, kept in localStorage so that
// a reload or a second tab is the same person, and the facilitator key when the link carried it.

export function identityFor(workshopId, storage = globalThis.localStorage, facilitatorKey = null) {
  const key = `atelier.identity.${workshopId}`;
  let pendingName = null;

  const read = () => {
    try {
      return JSON.parse(storage.getItem(key)) ?? {};
    } catch {
      return {};
    }
  };

  return {
    token: () => read().token ?? null,
    participantId: () => read().participantId ?? null,
    displayName: () => (read().token ? null : pendingName),
    facilitatorKey: () => facilitatorKey,
    chooseName(name) {
      pendingName = name;
    },
    remember(token, participant) {
      try {
        storage.setItem(key, JSON.stringify({ token, participantId: participant.id, name: participant.name }));
      } catch {
        // Without storage the identity lasts for this page only; the socket still works.
      }
    },
    forget() {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing kept, nothing to forget.
      }
    },
  };
}

/**
 * The facilitator link is /w/{id}#key=…: the key moves to storage and out of the address bar, so
 * that it does not show on a projected screen or in a link copied from there.
 */
export function takeFacilitatorKey(workshopId, location, history, storage = globalThis.localStorage) {
  const storageKey = `atelier.facilitator.${workshopId}`;
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  try {
    if (match) {
      storage.setItem(storageKey, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return storage.getItem(storageKey);
  } catch {
    return match ? decodeURIComponent(match[1]) : null;
  }
}
