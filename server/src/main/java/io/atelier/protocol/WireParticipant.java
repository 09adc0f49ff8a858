package io.atelier.protocol;

import io.atelier.domain.ParticipantView;

/** A participant as everyone sees them: never the token. */
public record WireParticipant(String id, String name, String color, boolean online) {
  public static WireParticipant of(ParticipantView view) {
    return new WireParticipant(view.id().value(), view.name(), view.color(), view.online());
  }
}
