package io.atelier.application;

import io.atelier.domain.Access;
import io.atelier.domain.Admission;
import io.atelier.domain.CatchUp;
import io.atelier.domain.Change;
import io.atelier.domain.CursorPosition;
import io.atelier.domain.Event;
import io.atelier.domain.Outcome;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.RejectionCode;
import io.atelier.domain.Secrets;
import io.atelier.domain.WorkshopFacts;
import io.atelier.domain.WorkshopId;
import io.atelier.domain.WorkshopOperation;
import io.atelier.domain.WorkshopState;
import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ProtocolException;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.WireMapping;
import io.atelier.protocol.WireParticipant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser socket in one workshop: the handshake, then its changes, catch-ups and cursor moves.
 * Inbound frames are handled one after the other (a serial queue per socket), so that a client's
 * changes are applied in the order it sent them and its catch-up is read before the changes it
 * resends after a reconnect (SY3). A socket enters as a participant (HS4) or as an observer (HS8):
 * nobody, read-only, seen by no one.
 */
public final class RoomSession {
  static final int CLOSE_PROTOCOL_VERSION = 4000;
  static final int CLOSE_HELLO_EXPECTED = 4001;
  static final int CLOSE_UNKNOWN_TOKEN = 4003;
  static final int CLOSE_WORKSHOP_NOT_FOUND = 4004;
  static final int CLOSE_LOCKED = 4006;
  static final int CLOSE_INTERNAL = 1011;
  static final int CLOSE_PASSCODE = 4007;
  static final int CLOSE_REMOVED = 4008;
  static final int CLOSE_FULL = 4009;

  /** FS2: clients share their view at most ten times a second; a little slack for jitter. */
  private static final long VIEW_INTERVAL_MILLIS = 80;

  private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);

  private final ClientChannel channel;
  private final RoomServices services;
  private final String connectionId;

  /** Whether this socket presented the workshop's key (HS7); the model weighs it with RO1. */
  private volatile boolean presentedKey;

  /** Whether this socket steers now (HS7, RO1): kept current by the access events it delivers. */
  private volatile boolean facilitator;

  /** Where the handshake stands: what the socket may do next. */
  private enum Standing {
    /** No hello accepted yet: anything but a valid hello closes the socket (HS1). */
    AWAITING_HELLO,
    /** Welcomed as a participant (HS4): {@link #participantId} is set. */
    PARTICIPANT,
    /** Welcomed as an observer (HS8): no participant, every change refused. */
    OBSERVER
  }

  private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);
  private volatile Standing standing = Standing.AWAITING_HELLO;
  private volatile WorkshopId workshopId;
  private volatile ParticipantId participantId;
  private volatile boolean closed;
  private final PointerPrivacy pointers = new PointerPrivacy();
  private long lastViewAt;
  private final SessionLimits limits;
  private final ChangeRate changeRate;
  private final CursorThrottle<CursorPosition> cursors;

  public RoomSession(ClientChannel channel, RoomServices services, SessionLimits limits) {
    this.channel = channel;
    this.services = services;
    this.connectionId = services.ids().connectionId();
    this.limits = limits;
    this.changeRate = limits.changeRate();
    this.cursors = limits.cursorThrottle(this::relayCursor);
  }

  /** Called with each text frame, in arrival order, from one thread at a time. */
  public void onFrame(String frame) {
    long received = System.nanoTime(); // A change's latency counts its wait in this queue too.
    queue = queue.thenCompose(done -> handle(frame, received)).exceptionally(this::failed);
  }

  /** Called once when the socket is gone. */
  public void onClose() {
    closed = true;
    cursors.stop(); // CU2: a pointer kept by the throttle must not outlive its socket
    queue = queue.thenCompose(done -> leave()).exceptionally(this::failed);
  }

  /** The participant of this socket; null for an observer (and before the welcome). */
  ParticipantId participantId() {
    return participantId;
  }

  /** This socket's id, unique in the cluster: relays leave the sending socket out (FS1, FS2). */
  String connectionId() {
    return connectionId;
  }

  /** Whether this socket was welcomed as an observer (HS8). */
  boolean observer() {
    return standing == Standing.OBSERVER;
  }

  void close(int code, String reason) {
    channel.close(code, reason);
  }

  void deliver(String frame) {
    if (!closed) {
      channel.send(frame);
    }
  }

  private CompletionStage<Void> handle(String frame, long received) {
    if (closed) {
      return done();
    }
    ClientMessage message;
    try {
      message = services.codec().decodeClient(frame);
    } catch (ProtocolException e) {
      if (standing == Standing.AWAITING_HELLO) {
        channel.close(
            CLOSE_HELLO_EXPECTED, "The first message must be a valid hello: " + e.getMessage());
      } else {
        send(new ServerMessage.Error(e.code(), e.getMessage(), null));
      }
      return done();
    }
    if (standing == Standing.AWAITING_HELLO) {
      if (message instanceof ClientMessage.Hello hello) {
        if (refusedVersion(hello)) {
          return done();
        }
        return hello.observing() ? observe(hello) : enter(hello);
      }
      channel.close(CLOSE_HELLO_EXPECTED, "The first message must be hello.");
      return done();
    }
    if (message instanceof ClientMessage.ChangeMessage change) {
      if (standing == Standing.OBSERVER) {
        refuseReadOnly(change);
        return done();
      }
      return overRate(change.toChange().changeId()) ? done() : applyChange(change, received);
    }
    if (message instanceof ClientMessage.Sync sync) {
      return overRate(null) ? done() : catchUp(sync.lastRevision());
    }
    if (message instanceof ClientMessage.MoveCursor cursor) {
      if (standing == Standing.PARTICIPANT) {
        moveCursor(cursor); // HS8: an observer has no pointer to show; its cursor is dropped.
      }
    } else if (message instanceof ClientMessage.ViewMessage view) {
      shareView(view);
    } else if (message instanceof ClientMessage.Ping ping) {
      send(new ServerMessage.Pong(ping.clientTime(), services.clock().millis()));
    } else {
      send(new ServerMessage.Error("bad_message", "hello was already received.", null));
    }
    return done();
  }

  /** HS2: a version this server does not speak closes the socket; answers whether it did. */
  private boolean refusedVersion(ClientMessage.Hello hello) {
    if (hello.protocol() == ProtocolCodec.PROTOCOL_VERSION) {
      return false;
    }
    channel.close(
        CLOSE_PROTOCOL_VERSION,
        "Protocol version "
            + hello.protocol()
            + " is not supported; this server speaks version "
            + ProtocolCodec.PROTOCOL_VERSION
            + ". Reload the page.");
    return true;
  }

  private CompletionStage<Void> enter(ClientMessage.Hello hello) {
    WorkshopId id = new WorkshopId(hello.workshopId());
    String token = hello.token() != null ? hello.token() : services.ids().secret();
    WorkshopState.Newcomer newcomer =
        hello.token() != null
            ? null
            : new WorkshopState.Newcomer(
                new ParticipantId(services.ids().participantId()), hello.displayName());
    var enter =
        new WorkshopOperation.Enter(
            Secrets.hash(token),
            newcomer,
            connectionId,
            hello.facilitatorKey() == null ? null : Secrets.hash(hello.facilitatorKey()),
            hello.passcode() == null ? null : Secrets.hash(hello.passcode().strip()),
            limits.workshop());
    return services
        .store()
        .execute(id, enter)
        .thenCompose(admission -> admitted(id, hello, token, admission))
        .exceptionallyCompose(error -> enterFailed(id, error));
  }

  private CompletionStage<Void> admitted(
      WorkshopId id, ClientMessage.Hello hello, String token, Optional<Admission> admission) {
    if (admission.isEmpty()) {
      channel.close(CLOSE_WORKSHOP_NOT_FOUND, "This workshop does not exist (any more).");
      return done();
    }
    if (!(admission.get() instanceof Admission.Admitted admitted)) {
      refuseEntry(admission.get());
      return done();
    }
    workshopId = id;
    participantId = admitted.participant().id();
    standing = Standing.PARTICIPANT;
    services.hub().join(id, this);
    publish(admitted.events());
    return services
        .store()
        .execute(id, new WorkshopOperation.ReadFacts())
        .thenCompose(
            facts -> {
              var info = facts.orElseThrow();
              // HS7 RO1: the key counts unless the person's access was set since.
              presentedKey = WorkshopService.isFacilitatorKey(info, hello.facilitatorKey());
              facilitator = admitted.steers();
              send(
                  new ServerMessage.Welcome(
                      ProtocolCodec.PROTOCOL_VERSION,
                      workshopInfo(info),
                      WireParticipant.of(admitted.participant()),
                      token,
                      admitted.revision(),
                      facilitator));
              return catchUp(hello.lastRevision());
            })
        .thenCompose(done -> readPointerPrivacy());
  }

  /**
   * CU4: which canvases take no pointers, read once this socket is in the fan-out, so that every
   * privacy event after the reading reaches {@link #privacyChanged}.
   */
  private CompletionStage<Void> readPointerPrivacy() {
    return services
        .store()
        .execute(workshopId, new WorkshopOperation.ReadPrivacy())
        .thenAccept(found -> found.ifPresent(p -> pointers.seed(p.revision(), p.privacy())));
  }

  /** CU4: a canvas entered private writing or was revealed (PW1, PW2). */
  void privacyChanged(Event.CanvasPrivacyChanged event) {
    pointers.changed(event);
  }

  /**
   * An entry the store could not complete never leaves the socket hanging: a workshop that was
   * deleted meanwhile (an expiry racing the hello) closes it with 4004 (HS3); anything else with
   * 1011, after which the page reconnects (SY5).
   */
  private CompletionStage<Void> enterFailed(WorkshopId id, Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IllegalStateException) {
      // The journal refused the entry's events: it no longer holds the workshop, deleted or
      // expired (HS3) while this person came in, before it left the memory the entry ran on.
      LOG.info("Session {} came into workshop {} as it was deleted", connectionId, id);
      channel.close(CLOSE_WORKSHOP_NOT_FOUND, "This workshop does not exist (any more).");
      return done();
    }
    LOG.warn("Session {} could not enter workshop {}", connectionId, id, error);
    return services
        .store()
        .execute(id, new WorkshopOperation.ReadFacts())
        .handle(
            (facts, readError) -> {
              if (readError == null && facts.isEmpty()) {
                channel.close(CLOSE_WORKSHOP_NOT_FOUND, "This workshop does not exist (any more).");
              } else {
                channel.close(CLOSE_INTERNAL, "The server could not let you in; retrying.");
              }
              return null;
            });
  }

  /** HS4 RO3 to RO5: why a person may not come in, as a close code the page explains. */
  private void refuseEntry(Admission refused) {
    if (refused instanceof Admission.Removed) {
      channel.close(CLOSE_REMOVED, "The facilitator removed you from this workshop.");
    } else if (refused instanceof Admission.Locked) {
      channel.close(CLOSE_LOCKED, "This workshop is locked: it takes nobody new.");
    } else if (refused instanceof Admission.Full full) {
      channel.close(
          CLOSE_FULL,
          "This workshop is full: it holds " + full.participants() + " people already.");
    } else if (refused instanceof Admission.PasscodeRefused passcode) {
      channel.close(
          CLOSE_PASSCODE,
          passcode.given() ? "Wrong passcode." : "This workshop asks for a passcode.");
    } else {
      channel.close(CLOSE_UNKNOWN_TOKEN, "This browser's identity is not known in this workshop.");
    }
  }

  /** RO1: a committed access change of this socket's person takes effect at once. */
  void accessChanged(ParticipantId member, Access access) {
    if (member.equals(participantId)) {
      facilitator = access == Access.FACILITATOR;
    }
  }

  /** Whether this socket steers now (HS7, RO1). */
  boolean facilitates() {
    return facilitator;
  }

  /**
   * HS8: an observer enters nobody's list and makes no event. It joins the fan-out before the
   * catch-up is read, as a participant does, so that nothing committed in between is missed.
   */
  private CompletionStage<Void> observe(ClientMessage.Hello hello) {
    WorkshopId id = new WorkshopId(hello.workshopId());
    var admit =
        new WorkshopOperation.AdmitObserver(
            hashOrNull(hello.token()),
            hashOrNull(hello.facilitatorKey()),
            hello.passcode() == null ? null : Secrets.hash(hello.passcode().strip()));
    return services
        .store()
        .execute(id, admit)
        .thenCompose(
            admission -> {
              if (admission.isPresent() && !(admission.get() instanceof Admission.Observing)) {
                refuseEntry(admission.get()); // HS9: a lock or a passcode holds for observers too
                return done();
              }
              return observeAdmitted(id, hello);
            });
  }

  private CompletionStage<Void> observeAdmitted(WorkshopId id, ClientMessage.Hello hello) {
    return services
        .store()
        .execute(id, new WorkshopOperation.ReadFacts())
        .thenCompose(
            facts -> {
              if (facts.isEmpty()) {
                channel.close(CLOSE_WORKSHOP_NOT_FOUND, "This workshop does not exist (any more).");
                return done();
              }
              var info = facts.get();
              workshopId = id;
              standing = Standing.OBSERVER;
              services.hub().join(id, this);
              return services
                  .store()
                  .execute(id, new WorkshopOperation.ReadCatchUp(hello.lastRevision()))
                  .thenAccept(
                      found -> {
                        CatchUp catchUp =
                            found.orElseThrow(() -> new IllegalStateException("workshop gone"));
                        send(
                            ServerMessage.Welcome.observer(workshopInfo(info), catchUp.revision()));
                        sendCatchUp(catchUp);
                      });
            });
  }

  private static String hashOrNull(String secret) {
    return secret == null ? null : Secrets.hash(secret);
  }

  private CompletionStage<Void> catchUp(Long lastRevision) {
    return services
        .store()
        .execute(workshopId, new WorkshopOperation.ReadCatchUp(lastRevision, participantId))
        .thenAccept(
            found ->
                sendCatchUp(found.orElseThrow(() -> new IllegalStateException("workshop gone"))));
  }

  /** HS5: the missed events or one snapshot, then synced, handed over as one catch-up (LM11). */
  private void sendCatchUp(CatchUp catchUp) {
    if (closed) {
      return;
    }
    List<String> frames = new java.util.ArrayList<>();
    if (catchUp instanceof CatchUp.Missed missed) {
      for (int i = 0; i < missed.events().size(); i++) {
        // PW1: as this reader may read each event, so a hidden note's text never leaves.
        frames.add(
            services
                .codec()
                .encode(
                    WireMapping.toMessage(
                        missed.events().get(i), missed.visibilities().get(i), participantId)));
      }
    } else {
      frames.add(services.codec().encode(WireMapping.toMessage((CatchUp.Snapshot) catchUp)));
    }
    frames.add(services.codec().encode(new ServerMessage.Synced(catchUp.revision())));
    channel.sendCatchUp(frames);
  }

  /** HS8: an observer changes nothing; the refusal names the change, as any refusal does (CH3). */
  private void refuseReadOnly(ClientMessage.ChangeMessage change) {
    String changeId = change.toChange().changeId();
    services.metrics().changeRefused(RejectionCode.READ_ONLY);
    send(
        WireMapping.toReply(
            new Outcome.Rejected(
                changeId,
                RejectionCode.READ_ONLY,
                "An observer's screen cannot change anything.")));
  }

  private CompletionStage<Void> applyChange(ClientMessage.ChangeMessage message, long received) {
    Change change = message.toChange();
    if (change instanceof Change.OpenVote open) {
      change = open.withLayouts(services.layouts()); // DV1: the server knows the templates
    }
    var operation =
        new WorkshopOperation.ApplyChange(
            participantId, change, presentedKey, services.clock().millis(), limits.workshop());
    return services
        .store()
        .execute(workshopId, operation)
        .thenAccept(
            found -> {
              Outcome outcome = found.orElseThrow(() -> new IllegalStateException("workshop gone"));
              if (outcome instanceof Outcome.Applied applied) {
                services
                    .feed()
                    .publish(
                        new FeedMessage.Committed(
                            workshopId, applied.event(), applied.visibility()));
              }
              send(WireMapping.toReply(outcome));
              measure(outcome, received);
            });
  }

  /** GET /metrics: an applied change's time to its ack, a refusal's code; a resend is neither. */
  private void measure(Outcome outcome, long received) {
    if (outcome instanceof Outcome.Applied) {
      services.metrics().changeApplied(System.nanoTime() - received);
    } else if (outcome instanceof Outcome.Rejected rejected) {
      services.metrics().changeRefused(rejected.code());
    }
  }

  private void moveCursor(ClientMessage.MoveCursor cursor) {
    if (pointers.hides(cursor.canvas())) {
      return; // CU4: a pointer on a private or anonymous canvas would tell what it must not.
    }
    cursors.offer(
        new CursorPosition(
            participantId, cursor.canvas(), cursor.x(), cursor.y(), cursor.editingNoteId()));
  }

  /** LM2: a position the throttle lets out, now or a moment later; CU4 is asked again then. */
  private void relayCursor(CursorPosition position) {
    if (!closed && !pointers.hides(position.canvasId())) {
      services.feed().publish(new FeedMessage.CursorMoved(workshopId, position));
    }
  }

  /**
   * LM1: a change (or a catch-up request) beyond this socket's rate is answered with {@code
   * rate_limited} and how long to wait, and not applied: nothing changes.
   */
  private boolean overRate(String changeId) {
    long wait = changeRate.refusal();
    if (wait == 0) {
      return false;
    }
    if (changeId != null) {
      services.metrics().changeRateLimited(); // GET /metrics: a refusal before the model
    }
    send(
        new ServerMessage.Error(
            "rate_limited",
            "Too many changes at once: this one was not applied. Send it again in " + wait + " ms.",
            changeId,
            wait));
    return true;
  }

  /**
   * FS1, FS2: only a socket welcomed as facilitator (HS7) moves other screens; anyone else, an
   * observer included, is told so and nothing is relayed. Nothing is stored or acknowledged.
   */
  private void shareView(ClientMessage.ViewMessage message) {
    if (!facilitator) {
      send(
          new ServerMessage.Error(
              RejectionCode.NOT_FACILITATOR.code(),
              "Only the facilitator can move other people's screens.",
              null));
      return;
    }
    var view = message.toView(participantId);
    if (message instanceof ClientMessage.Summon) {
      services.feed().publish(new FeedMessage.Summoned(workshopId, connectionId, view));
      return;
    }
    long now = services.clock().millis();
    if (now - lastViewAt < VIEW_INTERVAL_MILLIS) {
      return; // FS2: volatile, as cursors are (CU1): the next view carries the latest place.
    }
    lastViewAt = now;
    services.feed().publish(new FeedMessage.ViewShared(workshopId, connectionId, view));
  }

  private CompletionStage<Void> leave() {
    if (standing == Standing.AWAITING_HELLO) {
      return done();
    }
    services.hub().leave(workshopId, this);
    if (standing == Standing.OBSERVER) {
      return done(); // HS8: nobody went offline
    }
    return services
        .store()
        .execute(workshopId, new WorkshopOperation.Leave(participantId, connectionId))
        .thenAccept(events -> publish(events.orElse(List.of())));
  }

  private void publish(List<Event> events) {
    for (Event event : events) {
      services.feed().publish(new FeedMessage.Committed(workshopId, event));
    }
  }

  private void send(ServerMessage message) {
    if (!closed) {
      channel.send(services.codec().encode(message));
    }
  }

  private Void failed(Throwable error) {
    LOG.error("Session {} of workshop {} failed", connectionId, workshopId, error);
    if (!closed) {
      send(new ServerMessage.Error("internal", "The server could not handle this message.", null));
    }
    return null;
  }

  private static ServerMessage.WorkshopInfo workshopInfo(WorkshopFacts facts) {
    return new ServerMessage.WorkshopInfo(
        facts.id().value(), facts.title(), facts.language().code());
  }

  private static CompletionStage<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
