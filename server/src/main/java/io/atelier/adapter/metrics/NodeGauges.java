package io.atelier.adapter.metrics;

import io.atelier.application.RoomHub;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/**
 * The meters read when scraped rather than counted as things happen: the node's sockets and
 * workshops (from its {@link RoomHub}) and the cluster's size. Read on the scrape's worker thread.
 */
final class NodeGauges {
  private NodeGauges() {}

  /**
   * Sockets welcomed into a workshop, by kind: participants are people at a screen, observers the
   * projectors (HS8). A socket still before its welcome is in Vert.x's own count of WebSockets.
   * Workshops: how many rooms this node fans out to, which with the sockets says how a load
   * balancer spreads them.
   */
  static void bind(MeterRegistry registry, RoomHub hub) {
    Gauge.builder("atelier.websocket.connections", hub, h -> h.sessionCount(false))
        .description("WebSockets welcomed into a workshop on this node, by kind")
        .tag("kind", "participant")
        .strongReference(true)
        .register(registry);
    Gauge.builder("atelier.websocket.connections", hub, h -> h.sessionCount(true))
        .description("WebSockets welcomed into a workshop on this node, by kind")
        .tag("kind", "observer")
        .strongReference(true)
        .register(registry);
    Gauge.builder("atelier.live.workshops", hub, RoomHub::workshopCount)
        .description("Workshops with at least one socket on this node")
        .strongReference(true)
        .register(registry);
  }

  /**
   * The Hazelcast members this node sees: fewer than the nodes deployed means a node is down or
   * split off, and its workshops' partitions are held by fewer members (or lost, with two gone).
   */
  static void bindCluster(MeterRegistry registry, IntSupplier members) {
    Gauge.builder("atelier.cluster.members", members, IntSupplier::getAsInt)
        .description("Members of the Hazelcast cluster, as this node sees it")
        .strongReference(true)
        .register(registry);
  }
}
