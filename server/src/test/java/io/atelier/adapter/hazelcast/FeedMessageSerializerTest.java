package io.atelier.adapter.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.atelier.application.FeedMessage;
import io.atelier.config.ClusterSettings;
import io.atelier.domain.CursorPosition;
import io.atelier.domain.Event;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.SharedView;
import io.atelier.domain.Visibility;
import io.atelier.domain.WorkshopId;
import io.atelier.testing.EventSamples;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The feed's format between members (ADR 0002), through a serialization service configured as the
 * member configures its own: every kind of message and every event type reads back equal, and none
 * falls back to Java serialization.
 */
class FeedMessageSerializerTest {
  private static final WorkshopId WORKSHOP = new WorkshopId("w-serial");
  private static final ParticipantId ANA = new ParticipantId("p-ana");

  private final InternalSerializationService member =
      new DefaultSerializationServiceBuilder()
          .setConfig(
              HazelcastMember.config(new ClusterSettings("serial", "127.0.0.1", 5701, List.of()))
                  .getSerializationConfig())
          .build();

  /** One message of each kind, optional parts present and absent. */
  static List<FeedMessage> everyKind() {
    return List.of(
        new FeedMessage.Committed(WORKSHOP, EventSamples.all().get(0)),
        new FeedMessage.Deleted(WORKSHOP),
        new FeedMessage.CursorMoved(WORKSHOP, new CursorPosition(ANA, "main", -1.5, 2.5e4, "n-1")),
        new FeedMessage.CursorMoved(WORKSHOP, new CursorPosition(ANA, "c-b", 0, 0, null)),
        new FeedMessage.Summoned(
            WORKSHOP, "node-1:c-9", new SharedView(ANA, "main", -10.5, 20, 1_280, 720)),
        new FeedMessage.ViewShared(
            WORKSHOP, "node-1:c-9", new SharedView(ANA, "c-b", 0, 0, 1, 200_000)));
  }

  private FeedMessage roundTrip(FeedMessage message) {
    Data data = member.toData(message);
    assertThat(data.getType())
        .as("type id of %s", message)
        .isEqualTo(FeedMessageSerializer.TYPE_ID);
    return member.toObject(data);
  }

  @Test
  @DisplayName(
      "FS1 FS2 CU1 every kind of feed message reads back equal, in the member's own format")
  void everyKindOfMessage() {
    List<Class<?>> kinds = everyKind().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(kinds).containsAll(Arrays.asList(FeedMessage.class.getPermittedSubclasses()));

    for (FeedMessage message : everyKind()) {
      assertThat(roundTrip(message)).isEqualTo(message);
    }
  }

  @Test
  @DisplayName("RV2 every event type of the domain reads back equal inside a committed message")
  void everyEventType() {
    assertThat(EventSamples.missingTypes()).as("event types without a sample").isEmpty();

    for (Event event : EventSamples.all()) {
      FeedMessage message = new FeedMessage.Committed(WORKSHOP, event, Visibility.PUBLIC);
      assertThat(roundTrip(message)).isEqualTo(message);
    }
  }

  @Test
  @DisplayName("PW1 PW2 who may read a committed event travels with it: public, hidden, anonymous")
  void visibilities() {
    Event event = EventSamples.all().get(0);
    for (Visibility visibility :
        List.of(
            Visibility.PUBLIC,
            Visibility.hidden(ANA, "main", "note_updated"),
            Visibility.anonymous(ANA))) {
      FeedMessage message = new FeedMessage.Committed(WORKSHOP, event, visibility);
      assertThat(roundTrip(message)).isEqualTo(message);
    }
  }

  @Test
  @DisplayName("a message of an unknown kind is refused, not read as another")
  void unknownKind() {
    byte[] bytes = member.toData(new FeedMessage.Deleted(WORKSHOP)).toByteArray();
    bytes[HeapData.DATA_OFFSET] = 99; // The kind, right after Hazelcast's own header.

    assertThatThrownBy(() -> member.toObject(new HeapData(bytes)))
        .isInstanceOf(HazelcastSerializationException.class);
  }
}
