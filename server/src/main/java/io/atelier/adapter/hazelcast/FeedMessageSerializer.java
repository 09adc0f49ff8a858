package io.atelier.adapter.hazelcast;

import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.atelier.adapter.jdbc.JournalCodec;
import io.atelier.application.FeedMessage;
import io.atelier.domain.CursorPosition;
import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.SharedView;
import io.atelier.domain.Visibility;
import io.atelier.domain.WorkshopId;
import java.io.IOException;

/**
 * How a feed message crosses to the other members (ADR 0002): a kind byte and the workshop, then an
 * event as the journal's JSON document ({@link JournalCodec}, which already writes and strictly
 * reads every event type and is pinned by its tests), and cursors, summons and views as their few
 * fields. Java serialization cost a node about 15 µs per message, class descriptors included, sent
 * and received; this is a few µs, and it never depends on a record's private layout.
 */
public final class FeedMessageSerializer implements StreamSerializer<FeedMessage> {
  /** Hazelcast's id of this format; any positive id not used by another serializer of ours. */
  public static final int TYPE_ID = 1001;

  private static final byte COMMITTED = 1;
  private static final byte DELETED = 2;
  private static final byte CURSOR_MOVED = 3;
  private static final byte SUMMONED = 4;
  private static final byte VIEW_SHARED = 5;

  private final JournalCodec events = new JournalCodec();

  /** The entry for a member's (or a test's) serialization config. */
  public static SerializerConfig config() {
    return new SerializerConfig()
        .setTypeClass(FeedMessage.class)
        .setImplementation(new FeedMessageSerializer());
  }

  @Override
  public int getTypeId() {
    return TYPE_ID;
  }

  @Override
  public void write(ObjectDataOutput out, FeedMessage message) throws IOException {
    if (message instanceof FeedMessage.Committed committed) {
      header(out, COMMITTED, message);
      out.writeString(events.encodeEvent(committed.event()));
      writeVisibility(out, committed.visibility());
    } else if (message instanceof FeedMessage.Deleted) {
      header(out, DELETED, message);
    } else if (message instanceof FeedMessage.CursorMoved moved) {
      header(out, CURSOR_MOVED, message);
      CursorPosition position = moved.position();
      out.writeString(position.participantId().value());
      out.writeString(position.canvasId());
      out.writeDouble(position.x());
      out.writeDouble(position.y());
      out.writeString(position.editingNoteId());
    } else if (message instanceof FeedMessage.Summoned summoned) {
      header(out, SUMMONED, message);
      out.writeString(summoned.senderConnectionId());
      writeView(out, summoned.view());
    } else if (message instanceof FeedMessage.ViewShared shared) {
      header(out, VIEW_SHARED, message);
      out.writeString(shared.senderConnectionId());
      writeView(out, shared.view());
    } else {
      throw new HazelcastSerializationException("no feed format for " + message.getClass());
    }
  }

  @Override
  public FeedMessage read(ObjectDataInput in) throws IOException {
    byte kind = in.readByte();
    WorkshopId workshopId = new WorkshopId(in.readString());
    return switch (kind) {
      case COMMITTED -> new FeedMessage.Committed(workshopId, readEvent(in), readVisibility(in));
      case DELETED -> new FeedMessage.Deleted(workshopId);
      case CURSOR_MOVED ->
          new FeedMessage.CursorMoved(
              workshopId,
              new CursorPosition(
                  new ParticipantId(in.readString()),
                  in.readString(),
                  in.readDouble(),
                  in.readDouble(),
                  in.readString()));
      case SUMMONED -> new FeedMessage.Summoned(workshopId, in.readString(), readView(in));
      case VIEW_SHARED -> new FeedMessage.ViewShared(workshopId, in.readString(), readView(in));
      default -> throw new HazelcastSerializationException("unknown feed message kind " + kind);
    };
  }

  private static void header(ObjectDataOutput out, byte kind, FeedMessage message)
      throws IOException {
    out.writeByte(kind);
    out.writeString(message.workshopId().value());
  }

  private Event readEvent(ObjectDataInput in) throws IOException {
    try {
      return events.decodeEvent(in.readString());
    } catch (JournalCodec.UndecodableException e) {
      // A member of another version: its message is dropped, the clients' SY4 fetches the event.
      throw new HazelcastSerializationException("undecodable feed event: " + e.getMessage(), e);
    }
  }

  private static void writeVisibility(ObjectDataOutput out, Visibility visibility)
      throws IOException {
    out.writeByte(visibility.kind().ordinal());
    out.writeString(visibility.owner() == null ? null : visibility.owner().value());
    out.writeString(visibility.canvasId());
    out.writeString(visibility.change());
  }

  private static Visibility readVisibility(ObjectDataInput in) throws IOException {
    int ordinal = in.readByte();
    Visibility.Kind[] kinds = Visibility.Kind.values();
    if (ordinal < 0 || ordinal >= kinds.length) {
      throw new HazelcastSerializationException("unknown visibility " + ordinal);
    }
    String owner = in.readString();
    String canvasId = in.readString();
    String change = in.readString();
    if (kinds[ordinal] == Visibility.Kind.PUBLIC
        && owner == null
        && canvasId == null
        && change == null) {
      return Visibility.PUBLIC; // The usual case, without a new object.
    }
    return new Visibility(
        kinds[ordinal], owner == null ? null : new ParticipantId(owner), canvasId, change);
  }

  private static void writeView(ObjectDataOutput out, SharedView view) throws IOException {
    out.writeString(view.participantId().value());
    out.writeString(view.canvasId());
    out.writeDouble(view.x());
    out.writeDouble(view.y());
    out.writeDouble(view.width());
    out.writeDouble(view.height());
  }

  private static SharedView readView(ObjectDataInput in) throws IOException {
    return new SharedView(
        new ParticipantId(in.readString()),
        in.readString(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble());
  }
}
