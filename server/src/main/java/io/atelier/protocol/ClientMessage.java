package io.atelier.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.atelier.domain.Change;
import io.atelier.domain.Checks;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.NoteColor;

/** Every message a browser may send (docs/protocol.md, "Messages"). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ClientMessage.CreateNote.class, name = "create_note"),
  @JsonSubTypes.Type(value = ClientMessage.UpdateNote.class, name = "update_note"),
  @JsonSubTypes.Type(value = ClientMessage.DeleteNote.class, name = "delete_note"),
  @JsonSubTypes.Type(value = ClientMessage.BringNoteToFront.class, name = "bring_note_to_front"),
  @JsonSubTypes.Type(value = ClientMessage.Sync.class, name = "sync"),
  @JsonSubTypes.Type(value = ClientMessage.MoveCursor.class, name = "move_cursor"),
  @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
})
public sealed interface ClientMessage {

  /** Checks what the record's types cannot say; the codec calls it on every decoded message. */
  default void validate() {}

  /** A message that changes shared state. */
  sealed interface ChangeMessage extends ClientMessage {
    Change toChange();

    @Override
    default void validate() {
      toChange();
    }
  }

  /** HS1 to HS5. */
  record Hello(
      Integer protocol,
      String workshopId,
      String token,
      String displayName,
      Long lastRevision,
      String facilitatorKey)
      implements ClientMessage {
    /** A hello that does not claim to facilitate (HS7). */
    public Hello(
        Integer protocol, String workshopId, String token, String displayName, Long lastRevision) {
      this(protocol, workshopId, token, displayName, lastRevision, null);
    }

    @Override
    public void validate() {
      require(protocol, "protocol");
      Checks.identifier(workshopId, "workshopId");
      if (token == null) {
        Checks.label(displayName, Checks.MAX_NAME, "displayName");
      }
    }
  }

  record CreateNote(
      String changeId,
      String noteId,
      Double x,
      Double y,
      Double width,
      Double height,
      String text,
      String color)
      implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.CreateNote(
          changeId,
          noteId,
          require(x, "x"),
          require(y, "y"),
          require(width, "width"),
          require(height, "height"),
          require(text, "text"),
          NoteColor.fromCode(color));
    }
  }

  record UpdateNote(String changeId, String noteId, NoteProperties set) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.UpdateNote(changeId, noteId, require(set, "set").toPatch());
    }
  }

  record DeleteNote(String changeId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.DeleteNote(changeId, noteId);
    }
  }

  record BringNoteToFront(String changeId, String noteId) implements ChangeMessage {
    @Override
    public Change toChange() {
      return new Change.BringNoteToFront(changeId, noteId);
    }
  }

  /** SY1. */
  record Sync(Long lastRevision) implements ClientMessage {
    @Override
    public void validate() {
      if (require(lastRevision, "lastRevision") < 0) {
        throw new InvalidValueException("lastRevision may not be negative");
      }
    }
  }

  /** CU1, CU2. */
  record MoveCursor(Double x, Double y, String editingNoteId) implements ClientMessage {
    @Override
    public void validate() {
      Checks.coordinate(require(x, "x"), "x");
      Checks.coordinate(require(y, "y"), "y");
      if (editingNoteId != null) {
        Checks.identifier(editingNoteId, "editingNoteId");
      }
    }
  }

  /** ER2. */
  record Ping(Long clientTime) implements ClientMessage {
    @Override
    public void validate() {
      require(clientTime, "clientTime");
    }
  }

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new InvalidValueException(field + " is required");
    }
    return value;
  }
}
