package io.atelier.domain;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who may do what, and who may still come in (RO1 to RO5): the people whose access was set
 * (facilitators, observers, and facilitators made participants again), the people the facilitator
 * removed, whether the workshop takes newcomers, and the hash of its passcode (never the passcode;
 * never sent to a browser).
 *
 * <p>A person without an entry is a participant, but a socket that presented the workshop's key
 * steers (HS7); an explicit {@code participant} entry is what takes that away when a facilitator
 * hands over, until the key is presented again at a new entry.
 */
public record Membership(
    Map<ParticipantId, Access> access,
    List<ParticipantId> removed,
    boolean locked,
    String passcodeHash)
    implements Serializable {
  public static final Membership OPEN = new Membership(Map.of(), List.of(), false, null);

  /** RO4: a passcode is 4 to 40 characters once trimmed. */
  public static final int MIN_PASSCODE = 4;

  public static final int MAX_PASSCODE = 40;

  public Membership {
    access = Map.copyOf(access);
    removed = List.copyOf(removed);
  }

  /** The access this person has; participant unless the facilitator said otherwise. */
  public Access of(ParticipantId id) {
    return access.getOrDefault(id, Access.PARTICIPANT);
  }

  /** HS7 RO1: whether a socket of this person steers, given whether it presented the key. */
  public boolean steers(ParticipantId id, boolean presentedKey) {
    Access set = access.get(id);
    return set == Access.FACILITATOR || (presentedKey && set == null);
  }

  public boolean isRemoved(ParticipantId id) {
    return removed.contains(id);
  }

  public boolean passcodeRequired() {
    return passcodeHash != null;
  }

  public long facilitatorCount() {
    return access.values().stream().filter(Access.FACILITATOR::equals).count();
  }

  Membership with(ParticipantId id, Access newAccess) {
    Map<ParticipantId, Access> changed = new HashMap<>(access);
    changed.put(id, newAccess);
    return new Membership(changed, removed, locked, passcodeHash);
  }

  Membership without(ParticipantId id) {
    Map<ParticipantId, Access> changed = new HashMap<>(access);
    changed.remove(id);
    List<ParticipantId> gone =
        removed.contains(id) ? removed : Stream.concat(removed.stream(), Stream.of(id)).toList();
    return new Membership(changed, gone, locked, passcodeHash);
  }

  Membership locked(boolean isLocked) {
    return new Membership(access, removed, isLocked, passcodeHash);
  }

  Membership passcode(String hash) {
    return new Membership(access, removed, locked, hash);
  }
}
