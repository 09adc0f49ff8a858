package io.atelier.application;

import io.atelier.domain.Event;
import io.atelier.domain.Visibility;
import io.atelier.domain.WorkshopId;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.WireMapping;
import io.atelier.protocol.WireView;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of this node, by workshop, and the fan-out of feed messages to them. A message is
 * encoded once per workshop, not once per socket: with 70 people in a room that is the difference
 * between one and seventy serialisations per edit.
 */
public final class RoomHub {
  private final Map<WorkshopId, Set<RoomSession>> rooms = new ConcurrentHashMap<>();
  private final ProtocolCodec codec;

  public RoomHub(ProtocolCodec codec) {
    this.codec = codec;
  }

  void join(WorkshopId workshopId, RoomSession session) {
    rooms.computeIfAbsent(workshopId, id -> ConcurrentHashMap.newKeySet()).add(session);
  }

  void leave(WorkshopId workshopId, RoomSession session) {
    rooms.computeIfPresent(
        workshopId,
        (id, sessions) -> {
          sessions.remove(session);
          return sessions.isEmpty() ? null : sessions;
        });
  }

  /** Delivers one feed message to every local session of its workshop (RV2, CU1, FS1, FS2). */
  public void deliver(FeedMessage message) {
    Set<RoomSession> sessions = rooms.get(message.workshopId());
    if (sessions == null || sessions.isEmpty()) {
      return;
    }
    if (message instanceof FeedMessage.Deleted) {
      rooms.remove(message.workshopId());
      for (RoomSession session : sessions) {
        session.close(RoomSession.CLOSE_WORKSHOP_NOT_FOUND, "This workshop was deleted.");
      }
    } else if (message instanceof FeedMessage.Committed committed) {
      Event event = committed.event();
      Visibility visibility = committed.visibility();
      String frame = codec.encode(WireMapping.toMessage(event));
      // PW1 PW2: readers who may not read the event as it is share one other frame.
      String othersFrame =
          visibility.kind() == Visibility.Kind.PUBLIC
              ? frame
              : codec.encode(WireMapping.forOthers(event, visibility));
      for (RoomSession session : sessions) {
        if (event instanceof Event.CanvasPrivacyChanged privacy) {
          // CU4: the socket's pointers follow the canvas before its page hears of the change.
          session.privacyChanged(privacy);
        }
        session.deliver(visibility.readableBy(session.participantId()) ? frame : othersFrame);
        if (event instanceof Event.AccessChanged changed) {
          session.accessChanged(changed.member(), changed.access());
        } else if (event instanceof Event.ParticipantRemoved removed
            && removed.member().equals(session.participantId())) {
          // RO5: on every node, at once; the event went first so the page can say why.
          session.close(
              RoomSession.CLOSE_REMOVED, "The facilitator removed you from this workshop.");
        }
      }
    } else if (message instanceof FeedMessage.CursorMoved moved) {
      var position = moved.position();
      String frame =
          codec.encode(
              new ServerMessage.CursorMoved(
                  position.participantId().value(),
                  position.canvasId(),
                  position.x(),
                  position.y(),
                  position.editingNoteId()));
      for (RoomSession session : sessions) {
        // CU1: not back to its sender; HS8: an observer draws no board, so it gets no pointers.
        if (!session.observer() && !position.participantId().equals(session.participantId())) {
          session.deliver(frame);
        }
      }
    } else if (message instanceof FeedMessage.Summoned summoned) {
      var view = summoned.view();
      String frame =
          codec.encode(
              new ServerMessage.Summoned(
                  view.participantId().value(), view.canvasId(), WireView.of(view)));
      // FS1: every screen but the one that summoned, observers included.
      relay(sessions, frame, summoned.senderConnectionId(), true);
    } else if (message instanceof FeedMessage.ViewShared shared) {
      var view = shared.view();
      String frame =
          codec.encode(
              new ServerMessage.FacilitatorView(
                  view.participantId().value(), view.canvasId(), WireView.of(view)));
      // FS2: a stream of up to ten a second; an observer draws no board, as for cursors (HS8).
      relay(sessions, frame, shared.senderConnectionId(), false);
    }
  }

  private static void relay(
      Set<RoomSession> sessions, String frame, String senderConnectionId, boolean toObservers) {
    for (RoomSession session : sessions) {
      if (!session.connectionId().equals(senderConnectionId)
          && (toObservers || !session.observer())) {
        session.deliver(frame);
      }
    }
  }

  /**
   * Closes every socket of this node, e.g. before it stops, so that clients reconnect elsewhere.
   */
  public void closeAll(int code, String reason) {
    rooms.values().forEach(sessions -> sessions.forEach(session -> session.close(code, reason)));
  }

  public int sessionCount() {
    return rooms.values().stream().mapToInt(Set::size).sum();
  }

  /** The workshops with at least one socket on this node: the rooms it fans out to. */
  public int workshopCount() {
    return rooms.size();
  }

  /** This node's sockets welcomed as observers (HS8), or else as participants; for GET /metrics. */
  public int sessionCount(boolean observers) {
    int count = 0;
    for (Set<RoomSession> sessions : rooms.values()) {
      for (RoomSession session : sessions) {
        if (session.observer() == observers) {
          count++;
        }
      }
    }
    return count;
  }
}
