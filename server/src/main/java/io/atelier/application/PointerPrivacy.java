package io.atelier.application;

import io.atelier.domain.Event;
import io.atelier.domain.Privacy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canvases from which one socket's pointer is not relayed (CU4): those in private writing,
 * where a pointer shows where a hidden note is being written, and the anonymous ones, where it
 * shows whose note is whose. The socket reads them once after joining the fan-out ({@link #seed})
 * and follows the privacy events it is given ({@link #changed}); events from other nodes may come
 * out of order, so each canvas keeps the revision that decided it. Until the reading arrives every
 * canvas hides pointers: a pointer dropped costs nothing, one relayed where it should not be leaks.
 */
final class PointerPrivacy {
  private record Decided(boolean hides, long revision) {}

  private final Map<String, Decided> canvases = new HashMap<>();
  private final List<Event.CanvasPrivacyChanged> early = new ArrayList<>();

  /** The revision of the reading; -1 until it arrives. */
  private long readAt = -1;

  synchronized void seed(long revision, Privacy privacy) {
    readAt = revision;
    privacy.privateCanvases().forEach(id -> canvases.put(id, new Decided(true, revision)));
    privacy.anonymousCanvases().forEach(id -> canvases.put(id, new Decided(true, revision)));
    early.forEach(this::apply);
    early.clear();
  }

  synchronized void changed(Event.CanvasPrivacyChanged event) {
    if (readAt < 0) {
      early.add(event);
    } else {
      apply(event);
    }
  }

  synchronized boolean hides(String canvasId) {
    if (readAt < 0) {
      return true;
    }
    Decided decided = canvases.get(canvasId);
    return decided != null && decided.hides();
  }

  private void apply(Event.CanvasPrivacyChanged event) {
    Decided known = canvases.get(event.canvasId());
    if (event.revision() <= (known == null ? readAt : known.revision())) {
      return; // already in the reading, or older than what decided the canvas
    }
    // PW2: the server keeps anonymity in every later event of the canvas, so the newest decides.
    canvases.put(
        event.canvasId(), new Decided(event.privateMode() || event.anonymous(), event.revision()));
  }
}
