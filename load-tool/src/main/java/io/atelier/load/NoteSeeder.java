package io.atelier.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * Fills a workshop with notes over the real protocol, as a participant would: one socket sends
 * every {@code create_note} and waits for all the acks. The notes lie on a grid 50 wide, as on a
 * board after a long workshop. The join and draw scenarios start from such a workshop.
 */
final class NoteSeeder {
  private NoteSeeder() {}

  /** Completes with the seeding client, still connected, once {@code notes} notes are there. */
  static Future<LoadClient> seed(LoadContext context, URI node, String workshopId, int notes) {
    LoadClient seeder = new LoadClient(context.sockets(), "semeur");
    Promise<LoadClient> seeded = Promise.promise();
    int[] acks = {0};
    seeder.onMessage(
        message -> {
          if ("ack".equals(message.getString("type")) && ++acks[0] == notes) {
            seeded.complete(seeder);
          } else if ("error".equals(message.getString("type"))) {
            // The server's limits (docs/protocol.md, LM1 and LM6) stop a seed this fast and large.
            seeded.tryFail(
                "seeding was refused ("
                    + message.getString("code")
                    + ": "
                    + message.getString("message")
                    + "). Start the server with ATELIER_CHANGES_PER_SECOND and"
                    + " ATELIER_CHANGES_BURST, and ATELIER_MAX_NOTES_PER_CANVAS, above --notes.");
          }
        });
    return seeder
        .join(node, workshopId)
        .compose(
            revision -> {
              for (int i = 0; i < notes; i++) {
                JsonObject note = Edits.create("s-" + i, "n-" + i, i);
                seeder.send(
                    note.put("x", (double) (i % 50) * 220).put("y", (double) (i / 50) * 160));
              }
              return seeded.future();
            })
        .onFailure(failure -> seeder.close());
  }
}
