package io.atelier.domain;

import java.io.Serializable;

/** What everyone may know of a participant: never the token. */
public record ParticipantView(ParticipantId id, String name, String color, boolean online)
    implements Serializable {}
