package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One atomic step on a workshop's state. Stores run it where the state lives (in Hazelcast, on the
 * partition that owns the workshop) one at a time per workshop, so the step sees and leaves a
 * consistent state. Operations are data, not lambdas, so they travel between nodes.
 */
public sealed interface WorkshopOperation<R> extends Serializable {
  R applyTo(WorkshopState state);

  /** A read-only operation needs no backup copy and may run on any replica. */
  default boolean readOnly() {
    return false;
  }

  /** The events a result commits: what the journal must make durable before it is answered. */
  default List<Event> eventsOf(R result) {
    return List.of();
  }

  /**
   * A change of a participant; {@code byFacilitator} is whether their socket holds the
   * facilitator's role (HS7), {@code at} the time on the node that received it, {@code limits} the
   * server's (LM6).
   */
  record ApplyChange(
      ParticipantId author, Change change, boolean byFacilitator, long at, WorkshopLimits limits)
      implements WorkshopOperation<Outcome> {
    /** A participant's change without the facilitator's role, at an unknown time. */
    public ApplyChange(ParticipantId author, Change change) {
      this(author, change, false, 0);
    }

    /** Without limits. */
    public ApplyChange(ParticipantId author, Change change, boolean byFacilitator, long at) {
      this(author, change, byFacilitator, at, WorkshopLimits.NONE);
    }

    @Override
    public Outcome applyTo(WorkshopState state) {
      return state.apply(author, change, byFacilitator, at, limits);
    }

    @Override
    public List<Event> eventsOf(Outcome result) {
      return result instanceof Outcome.Applied applied ? List.of(applied.event()) : List.of();
    }
  }

  /**
   * {@code keyHash} and {@code passcodeHash}: what the socket presented, hashed (HS7, RO4); {@code
   * limits}: the server's (LM5).
   */
  record Enter(
      String tokenHash,
      WorkshopState.Newcomer newcomer,
      String connectionId,
      String keyHash,
      String passcodeHash,
      WorkshopLimits limits)
      implements WorkshopOperation<Admission> {
    public Enter(String tokenHash, WorkshopState.Newcomer newcomer, String connectionId) {
      this(tokenHash, newcomer, connectionId, null, null);
    }

    /** Without limits. */
    public Enter(
        String tokenHash,
        WorkshopState.Newcomer newcomer,
        String connectionId,
        String keyHash,
        String passcodeHash) {
      this(tokenHash, newcomer, connectionId, keyHash, passcodeHash, WorkshopLimits.NONE);
    }

    @Override
    public Admission applyTo(WorkshopState state) {
      return state.enter(tokenHash, newcomer, connectionId, keyHash, passcodeHash, limits);
    }

    @Override
    public List<Event> eventsOf(Admission result) {
      return result instanceof Admission.Admitted admitted ? admitted.events() : List.of();
    }
  }

  record Leave(ParticipantId participantId, String connectionId)
      implements WorkshopOperation<List<Event>> {
    @Override
    public List<Event> applyTo(WorkshopState state) {
      return state.leave(participantId, connectionId);
    }

    @Override
    public List<Event> eventsOf(List<Event> result) {
      return result;
    }
  }

  /** Drops the connections a dead node held (see {@link WorkshopState#dropConnectionsOf}). */
  record DropNode(String nodeId) implements WorkshopOperation<List<Event>> {
    @Override
    public List<Event> applyTo(WorkshopState state) {
      return state.dropConnectionsOf(nodeId);
    }

    @Override
    public List<Event> eventsOf(List<Event> result) {
      return result;
    }
  }

  /** The event at a revision, if the history still holds it (see {@link WorkshopState#eventAt}). */
  record ReadEventAt(long revision) implements WorkshopOperation<List<Event>> {
    @Override
    public List<Event> applyTo(WorkshopState state) {
      return state.eventAt(revision);
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** What a journal checkpoint holds (see {@link Checkpoint}). */
  record ReadCheckpoint() implements WorkshopOperation<Checkpoint> {
    @Override
    public Checkpoint applyTo(WorkshopState state) {
      return state.checkpoint();
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** {@code reader}: whose snapshot it is (PW1); null for an observer, who owns nothing. */
  record ReadCatchUp(Long lastRevision, ParticipantId reader)
      implements WorkshopOperation<CatchUp> {
    public ReadCatchUp(Long lastRevision) {
      this(lastRevision, null);
    }

    @Override
    public CatchUp applyTo(WorkshopState state) {
      return state.catchUp(lastRevision, reader);
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** HS9: whether an observer may read the workshop (hashes of its credentials, or nulls). */
  record AdmitObserver(String tokenHash, String keyHash, String passcodeHash)
      implements WorkshopOperation<Admission> {
    @Override
    public Admission applyTo(WorkshopState state) {
      return state.admitObserver(tokenHash, keyHash, passcodeHash);
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  record ReadFacts() implements WorkshopOperation<WorkshopFacts> {
    @Override
    public WorkshopFacts applyTo(WorkshopState state) {
      return state.facts();
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** RO6: whether a bearer secret (hashed) opens the facilitator's HTTP routes. */
  record ReadAuthority(String secretHash) implements WorkshopOperation<Authority> {
    @Override
    public Authority applyTo(WorkshopState state) {
      return state.authority(secretHash);
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /**
   * Which canvases take no pointers (CU4), and the revision that says so: a socket reads it once,
   * then follows the privacy events it is given.
   */
  record ReadPrivacy() implements WorkshopOperation<ReadPrivacy.Found> {
    /** The canvases in private writing or anonymous at {@code revision}. */
    public record Found(long revision, Privacy privacy) implements Serializable {}

    @Override
    public Found applyTo(WorkshopState state) {
      return new Found(state.revision(), state.privacy());
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** What an export carries (see {@link WorkshopState#content}). */
  record ReadContent() implements WorkshopOperation<WorkshopContent> {
    @Override
    public WorkshopContent applyTo(WorkshopState state) {
      return state.content();
    }

    @Override
    public boolean readOnly() {
      return true;
    }
  }

  /** Fills a new workshop with an export (see {@link WorkshopState#importContent}). */
  record ImportContent(WorkshopContent content) implements WorkshopOperation<List<Event>> {
    @Override
    public List<Event> applyTo(WorkshopState state) {
      return List.of(state.importContent(content));
    }

    @Override
    public List<Event> eventsOf(List<Event> result) {
      return result;
    }
  }
}
