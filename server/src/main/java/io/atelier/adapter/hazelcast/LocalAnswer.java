package io.atelier.adapter.hazelcast;

/**
 * Where an entry processor that runs on its caller's own member leaves its answer, by reference.
 * Hazelcast serializes a processor's answer even when caller and owner are one member: for a
 * snapshot of a 2,000-note workshop that is a Java serialization of the whole state and back, on
 * every join, and for each change its event. A processor holds this box in a transient field: a
 * processor is serialized only when it travels to another member, where the field is null and the
 * answer travels the normal way.
 *
 * <p>Handing the answer over by reference is safe because operations answer with values built for
 * the answer (records, copied lists), never with a view of the live state.
 */
final class LocalAnswer<R> {
  private R value; // Written before the volatile flag, read after it.
  private volatile boolean given;

  /**
   * What a processor returns: nothing when {@code local} is here to take {@code answer} (it ran on
   * its caller's member), else the answer itself, which travels.
   */
  static <R> R leave(LocalAnswer<R> local, R answer) {
    if (local == null) {
      return answer;
    }
    local.give(answer);
    return null;
  }

  /** Called on the partition thread. */
  void give(R answer) {
    value = answer;
    given = true;
  }

  /** The answer left here, or the one that travelled when the processor ran elsewhere. */
  R or(R travelled) {
    return given ? value : travelled;
  }

  boolean given() {
    return given;
  }
}
