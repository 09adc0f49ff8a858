package io.atelier.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/**
 * Turns frames into typed messages and back. Decoding is strict (ER1): no coercion of strings to
 * numbers, no null for a number, no trailing data, and every decoded message is validated before
 * anyone acts on it. Unknown fields are ignored so that newer clients can add some.
 */
public final class ProtocolCodec {
  public static final int PROTOCOL_VERSION = 1;

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  public ClientMessage decodeClient(String frame) throws ProtocolException {
    ClientMessage message = decode(frame, ClientMessage.class);
    try {
      message.validate();
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("bad_message", e.getMessage());
    }
    return message;
  }

  public ServerMessage decodeServer(String frame) throws ProtocolException {
    return decode(frame, ServerMessage.class);
  }

  public String encode(ServerMessage message) {
    return write(message);
  }

  public String encode(ClientMessage message) {
    return write(message);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  private <T> T decode(String frame, Class<T> type) throws ProtocolException {
    if (frame == null || frame.isBlank()) {
      throw new ProtocolException("bad_message", "The message is empty.");
    }
    try {
      T message = mapper.readValue(frame, type);
      if (message == null) {
        throw new ProtocolException("bad_message", "The message is null.");
      }
      return message;
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        throw new ProtocolException("bad_message", "The message has no \"type\".");
      }
      throw new ProtocolException(
          "unknown_type", "Unknown message type \"" + e.getTypeId() + "\".");
    } catch (ValueInstantiationException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
      throw new ProtocolException("bad_message", reason);
    } catch (JsonMappingException e) {
      throw new ProtocolException("bad_message", describe(e));
    } catch (JsonProcessingException e) {
      throw new ProtocolException("bad_message", "The message is not valid JSON.");
    }
  }

  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    if (path.isEmpty()) {
      return "The message must be a JSON object with a \"type\".";
    }
    return "Field \"" + path + "\" has the wrong type or value.";
  }

  private String write(Object message) {
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Our own message types always serialise", e);
    }
  }
}
