package io.atelier.application;

import io.atelier.protocol.ProtocolCodec;
import java.time.Clock;

/** What every session of this node shares. */
public record RoomServices(
    WorkshopStore store,
    WorkshopFeed feed,
    RoomHub hub,
    ProtocolCodec codec,
    IdGenerator ids,
    Clock clock) {}
