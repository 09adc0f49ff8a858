package io.atelier.adapter.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.adapter.jdbc.JournalCodec.UndecodableException;

/** Strict reads of one JSON field: present (unless optional) and of the expected JSON type. */
final class Fields {
  private Fields() {}

  static String text(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isTextual()) {
      throw new UndecodableException("\"" + name + "\" must be a string");
    }
    return field.textValue();
  }

  static String optionalText(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    return field == null || field.isNull() ? null : text(node, name);
  }

  static double number(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isNumber()) {
      throw new UndecodableException("\"" + name + "\" must be a number");
    }
    return field.doubleValue();
  }

  static Double optionalNumber(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    return field == null || field.isNull() ? null : number(node, name);
  }

  static long integer(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isIntegralNumber() || !field.canConvertToLong()) {
      throw new UndecodableException("\"" + name + "\" must be an integer");
    }
    return field.longValue();
  }

  static Long optionalInteger(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    return field == null || field.isNull() ? null : integer(node, name);
  }

  static boolean bool(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isBoolean()) {
      throw new UndecodableException("\"" + name + "\" must be true or false");
    }
    return field.booleanValue();
  }

  static JsonNode object(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isObject()) {
      throw new UndecodableException("\"" + name + "\" must be an object");
    }
    return field;
  }

  static JsonNode array(JsonNode node, String name) throws UndecodableException {
    JsonNode field = node.get(name);
    if (field == null || !field.isArray()) {
      throw new UndecodableException("\"" + name + "\" must be an array");
    }
    return field;
  }
}
