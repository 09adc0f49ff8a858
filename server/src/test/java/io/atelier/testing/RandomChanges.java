package io.atelier.testing;

import io.atelier.protocol.ClientMessage;
import io.atelier.protocol.NoteProperties;
import java.util.Random;

/** Random changes of every kind a browser makes, on the notes a client currently sees. */
public final class RandomChanges {
  private static final String[] COLORS = {"yellow", "pink", "blue", "green", "orange", "purple"};

  private RandomChanges() {}

  /** Create, move, edit and recolour, raise or delete; a create when the client sees no note. */
  public static ClientMessage.ChangeMessage next(
      ConvergingClient client, Random random, String changeId) {
    String noteId = client.anyNoteId(random);
    int kind = noteId == null ? 0 : random.nextInt(10);
    if (kind <= 2) {
      return new ClientMessage.CreateNote(
          changeId,
          "n-" + changeId,
          coordinate(random),
          coordinate(random),
          200.0,
          140.0,
          "Note " + changeId,
          COLORS[random.nextInt(COLORS.length)]);
    }
    if (kind <= 5) {
      return new ClientMessage.UpdateNote(
          changeId,
          noteId,
          new NoteProperties(coordinate(random), coordinate(random), null, null, null, null, null));
    }
    if (kind <= 7) {
      return new ClientMessage.UpdateNote(
          changeId,
          noteId,
          new NoteProperties(
              null,
              null,
              null,
              null,
              "Texte " + changeId,
              COLORS[random.nextInt(COLORS.length)],
              null));
    }
    if (kind == 8) {
      return new ClientMessage.BringNoteToFront(changeId, noteId);
    }
    return new ClientMessage.DeleteNote(changeId, noteId);
  }

  private static double coordinate(Random random) {
    return Math.round(random.nextDouble() * 4000 - 2000);
  }
}
