package io.atelier.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the process that listens on a TCP port of this machine, so that {@code --server-pid} may be
 * left out: the port's listening socket in {@code /proc/net/tcp} (or tcp6, where a JVM listening on
 * every address puts it) gives an inode, and the process holding a descriptor to {@code
 * socket:[inode]} is the server. Only the processes this user may look into are searched.
 */
final class ListeningProcess {
  private static final String LISTEN = "0A";

  private ListeningProcess() {}

  static OptionalLong of(int port) {
    Set<Long> inodes = new HashSet<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try {
        inodes.addAll(listeningInodes(Files.readString(Path.of(table)), port));
      } catch (IOException e) {
        // A kernel without IPv6 has no tcp6 table; the other one may still hold the port.
      }
    }
    return inodes.isEmpty() ? OptionalLong.empty() : holderOf(inodes);
  }

  /**
   * The inodes of the sockets listening on {@code port} in a {@code /proc/net/tcp} table: one line
   * per socket, {@code sl local_address rem_address st ...}, the tenth field the inode, addresses
   * as hex {@code ADDRESS:PORT}.
   */
  static Set<Long> listeningInodes(String table, int port) {
    String wantedPort = String.format(Locale.ROOT, "%04X", port);
    Set<Long> inodes = new HashSet<>();
    String[] lines = table.split("\n");
    for (int i = 1; i < lines.length; i++) { // The first line names the columns.
      String[] fields = lines[i].strip().split("\\s+");
      if (fields.length < 10) {
        continue;
      }
      String local = fields[1];
      String localPort = local.substring(local.lastIndexOf(':') + 1);
      if (fields[3].equals(LISTEN) && localPort.equalsIgnoreCase(wantedPort)) {
        inodes.add(Long.parseLong(fields[9]));
      }
    }
    return inodes;
  }

  private static OptionalLong holderOf(Set<Long> inodes) {
    Set<String> links = new HashSet<>();
    inodes.forEach(inode -> links.add("socket:[" + inode + "]"));
    try (DirectoryStream<Path> processes =
        Files.newDirectoryStream(Path.of("/proc"), path -> isNumber(path.getFileName()))) {
      for (Path process : processes) {
        if (holds(process.resolve("fd"), links)) {
          return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  private static boolean holds(Path descriptors, Set<String> links) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(descriptors)) {
      for (Path fd : fds) {
        try {
          if (links.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException e) {
          // A descriptor closed while we looked: not the one.
        }
      }
    } catch (IOException | SecurityException e) {
      // Another user's process, or one that ended: not ours to look into.
    }
    return false;
  }

  private static boolean isNumber(Path name) {
    return name.toString().chars().allMatch(Character::isDigit);
  }
}
