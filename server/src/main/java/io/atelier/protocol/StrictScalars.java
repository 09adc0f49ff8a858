package io.atelier.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * How strings and decimal numbers are read from a client (ER1). Jackson alone turns {@code 7} or
 * {@code true} into the text {@code "7"} or {@code "true"} for a string field, reads the strings
 * {@code "NaN"} and {@code "Infinity"} as numbers, and reads {@code 1e400} as infinity: a field
 * holding one of those is refused here, naming the field, before any rule of the domain sees it. A
 * string must also be well-formed Unicode: an unpaired surrogate (the JSON escape {@code "\ud800"})
 * has no UTF-8 form, so the text others received would not be the text that was stored.
 */
final class StrictScalars extends SimpleModule {
  StrictScalars() {
    super("atelier-strict-scalars");
    addDeserializer(String.class, new Text());
    addDeserializer(Double.class, new FiniteNumber());
  }

  /**
   * A field whose value breaks a rule of the wire itself; {@code requirement} completes the
   * sentence "Field "x" …" that the codec sends back.
   */
  static final class FieldRequirement extends JsonMappingException {
    private final String requirement;

    FieldRequirement(JsonParser parser, String requirement) {
      super(parser, requirement);
      this.requirement = requirement;
    }

    String requirement() {
      return requirement;
    }
  }

  private static final class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String text = parser.getText();
      if (!wellFormed(text)) {
        throw new FieldRequirement(
            parser, "must be valid Unicode (it holds an unpaired surrogate)");
      }
      return text;
    }

    private static boolean wellFormed(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (Character.isLowSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class FiniteNumber extends StdScalarDeserializer<Double> {
    FiniteNumber() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)
          && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        return (Double) context.handleUnexpectedToken(Double.class, parser);
      }
      double value = parser.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw new FieldRequirement(parser, "must be a finite number");
      }
      return value;
    }
  }
}
