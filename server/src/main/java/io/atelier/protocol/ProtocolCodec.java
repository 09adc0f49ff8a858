package io.atelier.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Turns frames into typed messages and back. Decoding is strict (ER1): a field of the wrong JSON
 * type is refused (no number read from a string or the other way round, no float for a whole
 * number, no infinite number, see {@link StrictScalars}), a field named twice or nesting deeper
 * than {@link #MAX_DEPTH} is refused, no trailing data, and every decoded message is validated
 * before anyone acts on it. Unknown fields are ignored: a page loaded from a newer node may talk to
 * an older one during a rolling upgrade, and a field nobody reads cannot change anything.
 */
public final class ProtocolCodec {
  public static final int PROTOCOL_VERSION = 1;

  /**
   * ER1: the deepest message (set_agenda's steps) nests three levels; anything far deeper is junk.
   */
  public static final int MAX_DEPTH = 32;

  private final ObjectMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(new StrictScalars())
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
          "unknown_type", "Unknown message type \"" + abbreviated(e.getTypeId()) + "\".");
    } catch (ValueInstantiationException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
      throw new ProtocolException("bad_message", reason);
    } catch (JsonMappingException e) {
      throw new ProtocolException("bad_message", describe(e));
    } catch (JsonProcessingException e) {
      throw new ProtocolException("bad_message", unreadable(e, ""));
    }
  }

  /** ER1: which field, and what it must be; never the exception's own text. */
  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref ->
                    ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    if (e.getCause() instanceof JsonProcessingException stream
        && !(stream instanceof JsonMappingException)) {
      return unreadable(stream, path); // a syntax problem met while reading a field's value
    }
    if (path.isEmpty()) {
      return "The message must be a JSON object with a \"type\".";
    }
    if (e instanceof StrictScalars.FieldRequirement requirement) {
      return "Field \"" + path + "\" " + requirement.requirement() + ".";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "Field \"" + path + "\" must be " + expected(mismatch.getTargetType()) + ".";
    }
    return "Field \"" + path + "\" has the wrong type or value.";
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Double.class || type == double.class) {
      return "a finite number";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number within range";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  /** A value sent back in an error stays short, whatever the sender put in it. */
  private static String abbreviated(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }

  /**
   * Text that is not a JSON message: a field named twice (by its name, under {@code path}), too
   * deep or too long a value, or a syntax error and where it is.
   */
  private static String unreadable(JsonProcessingException e, String path) {
    String original = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return original.contains("nesting")
          ? "The message nests more than " + MAX_DEPTH + " levels deep."
          : "The message holds a value longer than the protocol allows.";
    }
    String duplicate = "Duplicate field '";
    int end = original.indexOf('\'', duplicate.length());
    if (original.startsWith(duplicate) && end > 0) {
      String name = original.substring(duplicate.length(), end);
      return "Field \""
          + abbreviated(path.isEmpty() ? name : path + "." + name)
          + "\" appears twice.";
    }
    if (e.getLocation() != null && e.getLocation().getCharOffset() >= 0) {
      return "The message is not valid JSON (at character "
          + e.getLocation().getCharOffset()
          + ").";
    }
    return "The message is not valid JSON.";
  }

  private String write(Object message) {
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Our own message types always serialise", e);
    }
  }
}
