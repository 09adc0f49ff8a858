/**
 * The node's live metrics with Micrometer (ADR 0019): one Prometheus registry per node that
 * Vert.x's integration fills with its HTTP, WebSocket, worker pool and event loop meters and
 * Micrometer's binders with the JVM's, plus Atelier's own {@code atelier_*} meters of the path of a
 * change ({@link io.atelier.application.RoomMetrics}), and the route that serves them as Prometheus
 * text. The only package that knows Micrometer (LayeringTest): the application reports through its
 * port, and every meter here has a bounded set of labels and carries no workshop id, name or text.
 */
package io.atelier.adapter.metrics;
