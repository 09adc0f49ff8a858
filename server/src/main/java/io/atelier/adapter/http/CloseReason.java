package io.atelier.adapter.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket close frame holds at most 125 bytes: the code and 123 bytes of UTF-8 reason (RFC
 * 6455, 5.5). A longer reason breaks the frame and the browser sees 1006 instead of the code, so a
 * reason that quotes what a client sent (HS1) is cut to fit, never in the middle of a character.
 */
final class CloseReason {
  static final int MAX_BYTES = 123;

  private CloseReason() {}

  static String fit(String reason) {
    if (reason == null || reason.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return reason;
    }
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer room = ByteBuffer.allocate(MAX_BYTES - "…".getBytes(StandardCharsets.UTF_8).length);
    CharBuffer text = CharBuffer.wrap(reason);
    encoder.encode(text, room, true); // stops before the first character that does not fit
    return reason.substring(0, text.position()) + "…";
  }
}
