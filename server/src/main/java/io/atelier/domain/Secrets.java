package io.atelier.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashing and comparison of secrets (participant tokens, facilitator keys). Only hashes are stored;
 * comparisons take the same time whatever the input, so that timing tells nothing.
 */
public final class Secrets {
  /**
   * The longest secret a client may present (ER1). The server's own are 32 characters; a longer one
   * is never a match, and the bound keeps a hello's size and hashing work small.
   */
  public static final int MAX_LENGTH = 256;

  private Secrets() {}

  /** A presented secret, or null: at most {@link #MAX_LENGTH} characters. */
  public static String bounded(String secret, String field) {
    if (secret != null && secret.length() > MAX_LENGTH) {
      throw new InvalidValueException(field + " is longer than " + MAX_LENGTH + " characters");
    }
    return secret;
  }

  public static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
