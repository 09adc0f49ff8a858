package io.atelier.application;

import io.atelier.domain.Event;
import io.atelier.domain.WorkshopOperation;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A node that dies never runs the "leave" of its open sockets, so its participants would stay
 * online for ever (HS6). One surviving node drops the dead node's connections from every workshop;
 * whoever had no other connection goes offline, with the usual revisioned event, journaled and sent
 * to every node.
 */
public final class NodeDepartures {
  private final WorkshopStore store;
  private final WorkshopFeed feed;

  public NodeDepartures(WorkshopStore store, WorkshopFeed feed) {
    this.store = store;
    this.feed = feed;
  }

  /** Completes with how many participants went offline. */
  public CompletionStage<Integer> departed(String nodeId) {
    return store
        .executeOnAll(new WorkshopOperation.DropNode(nodeId))
        .thenApply(
            results -> {
              int offline = 0;
              for (var entry : results.entrySet()) {
                List<Event> events = entry.getValue();
                for (Event event : events) {
                  feed.publish(new FeedMessage.Committed(entry.getKey(), event));
                  offline++;
                }
              }
              return offline;
            });
  }
}
