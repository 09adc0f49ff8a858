package io.atelier.adapter.metrics;

import io.atelier.application.RoomHub;
import io.atelier.application.RoomMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * One node's metrics: a Prometheus registry that its Vert.x instance, the JVM binders and Atelier's
 * own meters share, and the route that serves it. Closing the node's Vert.x closes the registry and
 * the binders with it.
 */
public final class PrometheusMetrics {
  /**
   * Vert.x keeps registries by name for the whole JVM; each node needs its own, or a second node in
   * the same JVM (the cluster tests) would report into the first one's.
   */
  private static final AtomicInteger NODES = new AtomicInteger();

  private final PrometheusMeterRegistry registry = registry();
  private final String name = "atelier-node-" + NODES.incrementAndGet();
  private final RoomMetrics rooms = new MicrometerRoomMetrics(registry);

  /**
   * Vert.x binds Netty's executor metrics to its acceptor group and then its event loop group; both
   * name their size {@code netty.eventexecutor.workers} without a tag, so the second is refused
   * with a warning and the gauge shows the acceptor's one thread. It is dropped: the event loops'
   * pending tasks, one series per thread, say how many there are.
   */
  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .config()
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("netty.eventexecutor.workers")));
    return registry;
  }

  /**
   * A Vert.x instance that reports into this registry: HTTP requests and WebSockets, worker pools,
   * the event loops' pending tasks (Netty), and the JVM's memory, GC, threads, classes and CPU.
   * Labels are only those with a bounded set of values: never a path, which would carry workshop
   * ids, nor a remote address.
   */
  public Vertx newVertx() {
    MicrometerMetricsOptions options =
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setRegistryName(name)
            .setJvmMetricsEnabled(true)
            .setNettyMetricsEnabled(true)
            .setLabels(
                EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME))
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** What the path of a change reports into. */
  public RoomMetrics rooms() {
    return rooms;
  }

  /** Adds the gauges of this node's sockets and workshops. */
  public void watch(RoomHub hub) {
    NodeGauges.bind(registry, hub);
  }

  /** Adds the gauge of the cluster's members; a node without Hazelcast has none. */
  public void watchCluster(IntSupplier members) {
    NodeGauges.bindCluster(registry, members);
  }

  /** What answers {@code GET /metrics}. */
  public Handler<RoutingContext> route() {
    return new ScrapeRoute(registry);
  }
}
