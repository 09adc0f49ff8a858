// Who this browser is in one workshop (HS4): the participant token, kept in localStorage so that
// a reload or a second tab is the same person, the facilitator key when the link carried it, and
// the passcode a newcomer typed (RO4, this page only).

export function identityFor(workshopId, storage = globalThis.localStorage, facilitatorKey = null) {
  const key = `atelier.identity.${workshopId}`;
  let pendingName = null;
  // RO4: typed once to get in, then useless (the token opens the workshop): kept for this page
  // only, never written to storage.
  let passcode = null;
  // RO1: once this person stepped down or handed over, a reconnect must not make them steer again
  // by presenting the key (the server records its holder as a facilitator at every entry). A
  // reload presents it again: opening the facilitator link is taking the role back on purpose.
  let keyWithheld = false;

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
    facilitatorKey: () => (keyWithheld ? null : facilitatorKey),
    withholdKey(withheld) {
      keyWithheld = withheld;
    },
    /** RO4: the passcode a newcomer typed, sent with hello (connection.js); null when none. */
    passcode: () => passcode,
    choosePasscode(code) {
      passcode = code === null ? null : String(code).trim();
    },
    /**
     * RO6: what the facilitator's HTTP routes are asked with: the key when this page has it, else
     * this person's token, which opens them while the facilitator has promoted them.
     */
    credential: () => facilitatorKey ?? read().token ?? null,
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
