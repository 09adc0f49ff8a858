package io.atelier.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;

/** What every scenario drives the servers with: one event loop, its socket client, the nodes. */
record LoadContext(
    Vertx vertx, WebSocketClient sockets, Nodes nodes, Workshops workshops, ServerProbe probe) {}
