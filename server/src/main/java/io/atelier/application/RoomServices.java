package io.atelier.application;

import io.atelier.domain.CanvasTemplate;
import io.atelier.protocol.ProtocolCodec;
import java.time.Clock;
import java.util.List;

/**
 * What every session of this node shares. {@code layouts}: the canvas templates' zones, which an
 * {@code open_vote} on a pillar needs (DV1); the node gives them as it gives its clock. {@code
 * metrics}: where the path of a change reports (GET /metrics).
 */
public record RoomServices(
    WorkshopStore store,
    WorkshopFeed feed,
    RoomHub hub,
    ProtocolCodec codec,
    IdGenerator ids,
    Clock clock,
    List<CanvasTemplate> layouts,
    RoomMetrics metrics) {
  /** Services without metrics. */
  public RoomServices(
      WorkshopStore store,
      WorkshopFeed feed,
      RoomHub hub,
      ProtocolCodec codec,
      IdGenerator ids,
      Clock clock,
      List<CanvasTemplate> layouts) {
    this(store, feed, hub, codec, ids, clock, layouts, RoomMetrics.NONE);
  }

  /** Services without templates: a vote can then be opened on whole canvases only. */
  public RoomServices(
      WorkshopStore store,
      WorkshopFeed feed,
      RoomHub hub,
      ProtocolCodec codec,
      IdGenerator ids,
      Clock clock) {
    this(store, feed, hub, codec, ids, clock, List.of());
  }

  public RoomServices {
    layouts = List.copyOf(layouts);
  }
}
