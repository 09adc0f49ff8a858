package io.atelier.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A socket whose thread and network a test drives by hand: posted tasks wait until {@link
 * #runPosted()}, written messages wait in the "network" until {@link #readerTakes(int)}.
 */
final class FakeWire implements SocketWire {
  record Close(int code, String reason, boolean behindBacklog) {}

  private record Write(String message, Runnable gone) {}

  private final Deque<Runnable> posted = new ArrayDeque<>();
  private final Deque<Write> unread = new ArrayDeque<>();
  final List<String> read = new ArrayList<>();
  final List<Close> closes = new ArrayList<>();

  @Override
  public void post(Runnable task) {
    posted.add(task);
  }

  @Override
  public void write(String message, Runnable gone) {
    unread.add(new Write(message, gone));
  }

  @Override
  public void close(int code, String reason) {
    closes.add(new Close(code, reason, false));
  }

  @Override
  public void closeBehind(int code, String reason) {
    closes.add(new Close(code, reason, true));
  }

  /** The socket's thread runs every task posted so far, and those they post. */
  void runPosted() {
    Runnable task;
    while ((task = posted.poll()) != null) {
      task.run();
    }
  }

  int postedTasks() {
    return posted.size();
  }

  /** Messages written and not yet taken by the reader's network. */
  int unread() {
    return unread.size();
  }

  /** The reader takes up to {@code count} written messages, oldest first. */
  void readerTakes(int count) {
    for (int i = 0; i < count && !unread.isEmpty(); i++) {
      Write write = unread.poll();
      read.add(write.message());
      write.gone().run();
    }
  }

  /** The connection is cut: every write still waiting fails, and is gone. */
  void cut() {
    Write write;
    while ((write = unread.poll()) != null) {
      write.gone().run();
    }
  }
}
