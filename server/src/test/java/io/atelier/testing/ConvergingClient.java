package io.atelier.testing;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import io.atelier.protocol.ProtocolCodec;
import io.atelier.protocol.ServerMessage;
import io.atelier.protocol.WireNote;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java client that follows the client rules of docs/protocol.md (SY2 to SY4) the way the browser
 * does: a confirmed state built from events in revision order, a list of pending changes resent
 * with the same ids after every reconnect. The convergence test runs ten.
 */
public final class ConvergingClient {
  /** Opens a socket to some node, as a load balancer would choose it. */
  @FunctionalInterface
  public interface Connector {
    TestClient open(Consumer<ServerMessage> listener);
  }

  private final Connector connector;
  private final String workshopId;
  private final String name;
  private TestClient socket;
  private String token;
  private Long confirmedRevision;
  private final Map<String, WireNote> notes = new HashMap<>();
  private final LinkedHashMap<String, ClientMessage.ChangeMessage> pending = new LinkedHashMap<>();
  private final TreeMap<Long, ServerMessage.RevisionedMessage> held = new TreeMap<>();
  private final Map<String, Long> acknowledged = new HashMap<>();
  private final Map<Long, String> changeAtRevision = new HashMap<>();
  private final Set<String> refused = new HashSet<>();
  private boolean welcomed;
  private boolean synced;

  public ConvergingClient(RunningServer server, String workshopId, String name) {
    this(server::connect, workshopId, name);
  }

  /** A client whose every (re)connection goes where {@code connector} sends it. */
  public ConvergingClient(Connector connector, String workshopId, String name) {
    this.connector = connector;
    this.workshopId = workshopId;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public synchronized boolean isConnected() {
    return socket != null && !socket.isClosed();
  }

  /** HS4, SY3: hello with the last confirmed revision; pending changes are resent on welcome. */
  public void connect() {
    TestClient opened = connector.open(this::receive);
    synchronized (this) {
      socket = opened;
      welcomed = false;
      synced = false;
      opened.send(
          new ClientMessage.Hello(
              ProtocolCodec.PROTOCOL_VERSION,
              workshopId,
              token,
              token == null ? name : null,
              confirmedRevision));
    }
  }

  public void disconnect() {
    TestClient closing;
    synchronized (this) {
      closing = socket;
      socket = null;
    }
    if (closing != null) {
      closing.close();
    }
  }

  /** SY2: a change is pending until its event, ack or error arrives; sent now if connected. */
  public synchronized void change(ClientMessage.ChangeMessage change) {
    pending.put(change.toChange().changeId(), change);
    if (socket != null && welcomed) {
      socket.send(change);
    }
  }

  public synchronized Map<String, WireNote> notes() {
    return Map.copyOf(notes);
  }

  public synchronized Map<String, Long> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  public synchronized Map<Long, String> changeAtRevision() {
    return Map.copyOf(changeAtRevision);
  }

  public synchronized Set<String> refused() {
    return Set.copyOf(refused);
  }

  public synchronized long confirmedRevision() {
    return confirmedRevision == null ? 0 : confirmedRevision;
  }

  public synchronized String anyNoteId(java.util.Random random) {
    if (notes.isEmpty()) {
      return null;
    }
    return notes.keySet().stream()
        .sorted()
        .skip(random.nextInt(notes.size()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Waits for the {@code synced} that ends the catch-up of the last connect (HS5). A witness must
   * wait for it before others change anything: changes applied before its snapshot are in the
   * snapshot, not among the events it records.
   */
  public synchronized void awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!synced) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(name + " was not synced within " + timeout);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits until nothing is pending and the confirmed revision reaches {@code revision}. */
  public synchronized void awaitSettled(long revision, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextSync = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (!pending.isEmpty() || confirmedRevision() < revision) {
      long now = System.nanoTime();
      if (now > deadline) {
        throw new AssertionError(
            name
                + " did not settle: pending "
                + pending.keySet()
                + ", confirmed "
                + confirmedRevision
                + " of "
                + revision
                + ", held "
                + held.keySet()
                + ", welcomed "
                + welcomed
                + ", socket "
                + (socket == null ? "none" : socket.isClosed() ? "closed" : "open")
                + ", last frames "
                + (socket == null ? "-" : lastFrames(socket.frames())));
      }
      if (now > nextSync && socket != null && welcomed) {
        requestSync(); // SY4: a gap that lasts.
        nextSync = now + TimeUnit.SECONDS.toNanos(1);
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(deadline, nextSync) - now);
    }
  }

  /** SY1: with nothing confirmed, the empty workshop at revision 0 becomes the base. */
  private void requestSync() {
    if (confirmedRevision == null) {
      confirmedRevision = 0L;
      drain();
    }
    socket.send(new ClientMessage.Sync(confirmedRevision));
  }

  private static java.util.List<String> lastFrames(java.util.List<String> frames) {
    return frames.subList(Math.max(0, frames.size() - 3), frames.size());
  }

  private synchronized void receive(ServerMessage message) {
    if (message instanceof ServerMessage.Welcome welcome) {
      token = welcome.token();
      if (socket != null) { // The welcome may come from a socket this client already dropped.
        welcomed = true;
        pending.values().forEach(socket::send); // SY3
      }
    } else if (message instanceof ServerMessage.Snapshot snapshot) {
      notes.clear();
      snapshot.notes().forEach(note -> notes.put(note.id(), note));
      confirmedRevision = snapshot.revision();
      held.headMap(snapshot.revision(), true).clear();
      drain();
    } else if (message instanceof ServerMessage.RevisionedMessage event) {
      if (confirmedRevision == null || event.revision() > confirmedRevision) {
        held.put(event.revision(), event);
        drain();
      }
    } else if (message instanceof ServerMessage.Synced caughtUp) {
      synced = true;
      if ((confirmedRevision == null || confirmedRevision < caughtUp.revision())
          && socket != null) {
        requestSync(); // SY4: behind synced, ask now.
      }
    } else if (message instanceof ServerMessage.Ack ack) {
      acknowledged.put(ack.changeId(), ack.revision());
      pending.remove(ack.changeId());
    } else if (message instanceof ServerMessage.Error error && error.changeId() != null) {
      refused.add(error.changeId());
      pending.remove(error.changeId());
    }
    notifyAll();
  }

  private void drain() {
    while (confirmedRevision != null && held.containsKey(confirmedRevision + 1)) {
      ServerMessage.RevisionedMessage event = held.remove(confirmedRevision + 1);
      apply(event);
      confirmedRevision = event.revision();
    }
  }

  private void apply(ServerMessage.RevisionedMessage event) {
    if (event instanceof ServerMessage.NoteCreated created) {
      notes.put(created.note().id(), created.note());
      record(created.revision(), created.changeId());
    } else if (event instanceof ServerMessage.NoteUpdated updated) {
      notes.computeIfPresent(updated.noteId(), (id, note) -> withSet(note, updated.set()));
      record(updated.revision(), updated.changeId());
    } else if (event instanceof ServerMessage.NoteDeleted deleted) {
      notes.remove(deleted.noteId());
      record(deleted.revision(), deleted.changeId());
    }
  }

  private void record(long revision, String changeId) {
    changeAtRevision.put(revision, changeId);
    pending.remove(changeId);
  }

  static WireNote withSet(WireNote note, NoteProperties set) {
    return new WireNote(
        note.id(),
        note.canvasId(),
        set.x() != null ? set.x() : note.x(),
        set.y() != null ? set.y() : note.y(),
        set.width() != null ? set.width() : note.width(),
        set.height() != null ? set.height() : note.height(),
        set.text() != null ? set.text() : note.text(),
        set.color() != null ? set.color() : note.color(),
        set.z() != null ? set.z() : note.z(),
        note.createdBy(),
        note.createdAt());
  }
}
