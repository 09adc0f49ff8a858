package io.atelier.config;

import io.atelier.domain.WorkshopLimits;
import java.util.Locale;
import java.util.Map;

/**
 * What one person, one browser tab or one network may do, so that nobody with a join link can take
 * a workshop or a node away from the others (docs/protocol.md, "Limits", LM1 to LM9). The defaults
 * fit a 70-person workshop on one node with room to spare: a facilitator dragging a cluster or a
 * fast typist never reaches them, and neither does a whole class behind one school's NAT.
 *
 * @param changesPerSecond {@code ATELIER_CHANGES_PER_SECOND} (20): changes and catch-up requests a
 *     socket may send per second, on average (LM1)
 * @param changesBurst {@code ATELIER_CHANGES_BURST} (40): how many of them may come at once (LM1)
 * @param cursorsPerSecond {@code ATELIER_CURSORS_PER_SECOND} (20): pointer moves of a socket
 *     relayed per second; the others are merged into the next, never refused (LM2)
 * @param floodMessagesPerSecond {@code ATELIER_FLOOD_MESSAGES_PER_SECOND} (400): messages of any
 *     kind per second beyond which a socket is flooding (LM3)
 * @param floodSeconds {@code ATELIER_FLOOD_SECONDS} (3): how many seconds of flooding close it
 * @param connectionsPerAddress {@code ATELIER_MAX_CONNECTIONS_PER_ADDRESS} (100): open sockets of
 *     one client address on a node (LM4)
 * @param workshopsPerHour {@code ATELIER_WORKSHOPS_PER_HOUR} (30): workshops one client address may
 *     create or import on a node in any hour (LM7)
 * @param participantsPerWorkshop {@code ATELIER_MAX_PARTICIPANTS} (150): people a workshop holds
 *     (LM5)
 * @param notesPerCanvas {@code ATELIER_MAX_NOTES_PER_CANVAS} (1,000): live notes a canvas holds
 *     (LM6)
 * @param importMegabytes {@code ATELIER_MAX_IMPORT_MB} (160): the largest import body, in MiB (LM8)
 * @param trustedProxies {@code ATELIER_TRUST_PROXY} ({@code false}, 0): how many reverse proxies in
 *     front of the node append to {@code X-Forwarded-For}; {@code true} means one (LM9)
 * @param writeQueueKilobytes {@code ATELIER_WRITE_QUEUE_KB} (1,024): what a node holds for a socket
 *     whose reader does not keep up before the grace period starts, in KiB of text (LM11)
 * @param writeQueueGraceMillis {@code ATELIER_WRITE_QUEUE_GRACE_MS} (5,000): how long it may hold
 *     more; then the socket is dropped with 4010 and its browser catches up (LM11)
 * @param writeQueueMaxKilobytes {@code ATELIER_WRITE_QUEUE_MAX_KB} (8,192): what it never holds
 *     more than: beyond it the socket is dropped at once (LM11)
 */
public record Limits(
    int changesPerSecond,
    int changesBurst,
    int cursorsPerSecond,
    int floodMessagesPerSecond,
    int floodSeconds,
    int connectionsPerAddress,
    int workshopsPerHour,
    int participantsPerWorkshop,
    int notesPerCanvas,
    int importMegabytes,
    int trustedProxies,
    int writeQueueKilobytes,
    int writeQueueGraceMillis,
    int writeQueueMaxKilobytes) {

  public static final Limits DEFAULTS =
      new Limits(20, 40, 20, 400, 3, 100, 30, 150, 1_000, 160, 0, 1_024, 5_000, 8_192);

  /** The largest write queue this setting may ask for (1 GiB): it is held in memory per socket. */
  static final int MAX_WRITE_QUEUE_KILOBYTES = 1 << 20;

  /** The largest import body this setting may ask for: the body is held in memory whole. */
  static final int MAX_IMPORT_MEGABYTES = 2_000;

  public Limits {
    atLeastOne(changesPerSecond, "ATELIER_CHANGES_PER_SECOND");
    atLeastOne(changesBurst, "ATELIER_CHANGES_BURST");
    atLeastOne(cursorsPerSecond, "ATELIER_CURSORS_PER_SECOND");
    atLeastOne(floodSeconds, "ATELIER_FLOOD_SECONDS");
    atLeastOne(connectionsPerAddress, "ATELIER_MAX_CONNECTIONS_PER_ADDRESS");
    atLeastOne(workshopsPerHour, "ATELIER_WORKSHOPS_PER_HOUR");
    atLeastOne(participantsPerWorkshop, "ATELIER_MAX_PARTICIPANTS");
    atLeastOne(notesPerCanvas, "ATELIER_MAX_NOTES_PER_CANVAS");
    // A browser that keeps every rule sends changes, pointers, its view and pings: a flood
    // threshold near that would close well-behaved tabs.
    if ((long) floodMessagesPerSecond < 2L * ((long) changesPerSecond + cursorsPerSecond)) {
      throw new IllegalArgumentException(
          "ATELIER_FLOOD_MESSAGES_PER_SECOND must be at least twice ATELIER_CHANGES_PER_SECOND"
              + " plus ATELIER_CURSORS_PER_SECOND ("
              + 2L * ((long) changesPerSecond + cursorsPerSecond)
              + "), not "
              + floodMessagesPerSecond);
    }
    if (importMegabytes < 1 || importMegabytes > MAX_IMPORT_MEGABYTES) {
      throw new IllegalArgumentException(
          "ATELIER_MAX_IMPORT_MB must be between 1 and " + MAX_IMPORT_MEGABYTES);
    }
    if (trustedProxies < 0 || trustedProxies > 10) {
      throw new IllegalArgumentException(
          "ATELIER_TRUST_PROXY must be false, true or a number of proxies from 0 to 10");
    }
    atLeastOne(writeQueueKilobytes, "ATELIER_WRITE_QUEUE_KB");
    if (writeQueueMaxKilobytes < writeQueueKilobytes
        || writeQueueMaxKilobytes > MAX_WRITE_QUEUE_KILOBYTES) {
      throw new IllegalArgumentException(
          "ATELIER_WRITE_QUEUE_MAX_KB must be between ATELIER_WRITE_QUEUE_KB ("
              + writeQueueKilobytes
              + ") and "
              + MAX_WRITE_QUEUE_KILOBYTES
              + ", not "
              + writeQueueMaxKilobytes);
    }
    if (writeQueueGraceMillis < 0 || writeQueueGraceMillis > 600_000) {
      throw new IllegalArgumentException(
          "ATELIER_WRITE_QUEUE_GRACE_MS must be between 0 and 600000, not "
              + writeQueueGraceMillis);
    }
  }

  /**
   * Loose enough that no ordinary test reaches a rate or a count (tests send hundreds of changes at
   * once from one address); the tests of the limits set their own. Cursors keep the default: a
   * throttle delays, it never refuses. A test's reader on a busy machine may lag for a moment: the
   * write queue is loose too (LM11's tests set their own).
   */
  public static Limits forTests() {
    return new Limits(
        1_000_000,
        1_000_000,
        20,
        10_000_000,
        3,
        10_000,
        1_000_000,
        150,
        1_000_000,
        160,
        0,
        64 << 10,
        60_000,
        256 << 10);
  }

  /** Every limit from its variable, or its default (tests give a map of their own). */
  public static Limits fromEnvironment(Map<String, String> env) {
    Limits d = DEFAULTS;
    return new Limits(
        AtelierConfig.integer(env, "ATELIER_CHANGES_PER_SECOND", d.changesPerSecond),
        AtelierConfig.integer(env, "ATELIER_CHANGES_BURST", d.changesBurst),
        AtelierConfig.integer(env, "ATELIER_CURSORS_PER_SECOND", d.cursorsPerSecond),
        AtelierConfig.integer(env, "ATELIER_FLOOD_MESSAGES_PER_SECOND", d.floodMessagesPerSecond),
        AtelierConfig.integer(env, "ATELIER_FLOOD_SECONDS", d.floodSeconds),
        AtelierConfig.integer(env, "ATELIER_MAX_CONNECTIONS_PER_ADDRESS", d.connectionsPerAddress),
        AtelierConfig.integer(env, "ATELIER_WORKSHOPS_PER_HOUR", d.workshopsPerHour),
        AtelierConfig.integer(env, "ATELIER_MAX_PARTICIPANTS", d.participantsPerWorkshop),
        AtelierConfig.integer(env, "ATELIER_MAX_NOTES_PER_CANVAS", d.notesPerCanvas),
        AtelierConfig.integer(env, "ATELIER_MAX_IMPORT_MB", d.importMegabytes),
        trustedProxies(env.get("ATELIER_TRUST_PROXY")),
        AtelierConfig.integer(env, "ATELIER_WRITE_QUEUE_KB", d.writeQueueKilobytes),
        AtelierConfig.integer(env, "ATELIER_WRITE_QUEUE_GRACE_MS", d.writeQueueGraceMillis),
        AtelierConfig.integer(env, "ATELIER_WRITE_QUEUE_MAX_KB", d.writeQueueMaxKilobytes));
  }

  /** {@code false} or absent: none; {@code true}: one; a number: that many, outermost first. */
  private static int trustedProxies(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    String setting = value.strip().toLowerCase(Locale.ROOT);
    if (setting.equals("false")) {
      return 0;
    }
    if (setting.equals("true")) {
      return 1;
    }
    try {
      return Integer.parseInt(setting);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "ATELIER_TRUST_PROXY must be false, true or a number of proxies, not \"" + value + "\"");
    }
  }

  /** The limits the workshop's state applies itself (LM5, LM6). */
  public WorkshopLimits workshop() {
    return new WorkshopLimits(participantsPerWorkshop, notesPerCanvas);
  }

  public long importBytes() {
    return (long) importMegabytes << 20;
  }

  /** For the start-up log line. */
  public String describe() {
    return "limits=changes:"
        + changesPerSecond
        + "/s(burst "
        + changesBurst
        + ") cursors:"
        + cursorsPerSecond
        + "/s flood:"
        + floodMessagesPerSecond
        + "/s×"
        + floodSeconds
        + "s connections/address:"
        + connectionsPerAddress
        + " workshops/address/h:"
        + workshopsPerHour
        + " participants:"
        + participantsPerWorkshop
        + " notes/canvas:"
        + notesPerCanvas
        + " import:"
        + importMegabytes
        + "MiB trustedProxies:"
        + trustedProxies
        + " writeQueue:"
        + writeQueueKilobytes
        + "KiB×"
        + writeQueueGraceMillis
        + "ms max "
        + writeQueueMaxKilobytes
        + "KiB";
  }

  private static void atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
