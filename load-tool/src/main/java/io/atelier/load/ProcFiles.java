package io.atelier.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What Linux tells about a process in {@code /proc}: the CPU time it has used and its resident
 * memory. Parsing is kept apart from reading so that it is tested on fixture text.
 */
final class ProcFiles {
  private ProcFiles() {}

  /**
   * utime + stime from {@code /proc/P/stat}, in clock ticks. The command name in parentheses may
   * hold spaces and parentheses itself, so the fields are counted from the last ')': utime and
   * stime are the 14th and 15th fields, the 12th and 13th after it.
   */
  static long cpuTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("Not a /proc/P/stat line: " + stat);
    }
    String[] fields = stat.substring(end + 1).strip().split("\\s+");
    if (fields.length < 13) {
      throw new IllegalArgumentException("Too few fields in /proc/P/stat: " + stat);
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** {@code VmRSS} from {@code /proc/P/status}, in bytes; empty for a process that has none. */
  static OptionalLong residentBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
        if (parts.length != 2 || !parts[1].equals("kB")) {
          throw new IllegalArgumentException("Unexpected VmRSS line: " + line);
        }
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The ticks every core of the machine spent busy, from the {@code cpu} line of {@code
   * /proc/stat}: user, nice, system, irq, softirq and steal (guest time is inside user already;
   * idle and iowait are not busy).
   */
  static long machineBusyTicks(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.substring(4).strip().split("\\s+");
        long busy = 0;
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) {
          busy += i < f.length ? Long.parseLong(f[i]) : 0;
        }
        return busy;
      }
    }
    throw new IllegalArgumentException("No cpu line in /proc/stat");
  }

  static String machineStat() {
    try {
      return Files.readString(Path.of("/proc/stat"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read /proc/stat: " + e, e);
    }
  }

  static String read(long pid, String file) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), file));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read /proc/" + pid + "/" + file + ": " + e, e);
    }
  }

  /**
   * Ticks per second of {@code /proc}'s CPU times (USER_HZ): 100 on every Linux this runs on, asked
   * of {@code getconf} in case one differs.
   */
  static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
