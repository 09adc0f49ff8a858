package io.atelier;

import com.hazelcast.core.HazelcastInstance;
import io.atelier.adapter.hazelcast.DepartureWatch;
import io.atelier.adapter.hazelcast.HazelcastImageStore;
import io.atelier.adapter.hazelcast.HazelcastMember;
import io.atelier.adapter.hazelcast.HazelcastReadiness;
import io.atelier.adapter.hazelcast.HazelcastWorkshopFeed;
import io.atelier.adapter.hazelcast.HazelcastWorkshopStore;
import io.atelier.adapter.jdbc.JdbcWorkshopJournal;
import io.atelier.adapter.memory.InMemoryImageStore;
import io.atelier.adapter.memory.InMemoryWorkshopFeed;
import io.atelier.adapter.memory.InMemoryWorkshopStore;
import io.atelier.application.ImageStore;
import io.atelier.application.JournalReadiness;
import io.atelier.application.JournalingWorkshopStore;
import io.atelier.application.NodeDepartures;
import io.atelier.application.Readiness;
import io.atelier.application.RoomMetrics;
import io.atelier.application.WorkshopFeed;
import io.atelier.application.WorkshopJournal;
import io.atelier.application.WorkshopLoader;
import io.atelier.application.WorkshopStore;
import io.atelier.config.AtelierConfig;
import io.atelier.config.JournalSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The storage side of a node, assembled from the configuration: the journal (when there is one),
 * the Hazelcast member (or the in-memory ports), the store that waits for the journal, the feed,
 * and the images (in the journal's database when there is one, so that every node sharing it reads
 * them; else in Hazelcast, or in memory). Opening and closing block: both run off the event loop.
 */
final class NodeStorage implements AutoCloseable {
  /** Image reads from the journal's database block: at most this many at once. */
  private static final int IMAGE_READERS = 4;

  private final JdbcWorkshopJournal journal;
  private final HazelcastInstance hazelcast;
  private final WorkshopStore store;
  private final WorkshopFeed feed;
  private final ImageStore images;
  private final ExecutorService blocking;
  private final ExecutorService imageReads;
  private final String nodeId;

  private NodeStorage(
      JdbcWorkshopJournal journal,
      HazelcastInstance hazelcast,
      WorkshopStore store,
      WorkshopFeed feed,
      ExecutorService blocking,
      String nodeId) {
    this.journal = journal;
    this.hazelcast = hazelcast;
    this.store = store;
    this.feed = feed;
    this.blocking = blocking;
    this.nodeId = nodeId;
    if (journal != null) {
      this.imageReads = daemonThreads(IMAGE_READERS, "atelier-image-reads");
      this.images = journal.images(imageReads);
    } else {
      this.imageReads = null;
      this.images =
          hazelcast != null ? new HazelcastImageStore(hazelcast) : new InMemoryImageStore();
    }
  }

  /** Null without a journal. */
  WorkshopJournal journal() {
    return journal;
  }

  /** Whether this node does the cluster-wide chores: the oldest member, or the only node. */
  boolean leadsCluster() {
    if (hazelcast == null) {
      return true;
    }
    var members = hazelcast.getCluster().getMembers();
    return !members.isEmpty() && members.iterator().next().localMember();
  }

  /**
   * How many members the cluster has, as this member sees it (a local read, no network); 0 once it
   * has left. Only with Hazelcast: see {@link #hazelcast()}.
   */
  int clusterMembers() {
    return hazelcast.getLifecycleService().isRunning()
        ? hazelcast.getCluster().getMembers().size()
        : 0;
  }

  /** What this node's connection ids start with; null without a cluster (any id will do). */
  String nodeId() {
    return nodeId;
  }

  /** {@code metrics} hears the journal's write times. */
  static NodeStorage open(AtelierConfig config, RoomMetrics metrics) {
    JdbcWorkshopJournal journal = openJournal(config.journal());
    WorkshopLoader loader = journal == null ? WorkshopLoader.NONE : WorkshopLoader.from(journal);
    // Loading from the journal and cluster-wide steps block: they run here, off the event loop.
    ExecutorService blocking = daemonThreads(2, "atelier-storage");
    try {
      if (config.storage() == AtelierConfig.Storage.HAZELCAST) {
        HazelcastInstance hazelcast = HazelcastMember.start(config.cluster());
        WorkshopStore store =
            journaled(new HazelcastWorkshopStore(hazelcast, loader, blocking), journal, metrics);
        WorkshopFeed feed = new HazelcastWorkshopFeed(hazelcast);
        hazelcast
            .getCluster()
            .addMembershipListener(new DepartureWatch(new NodeDepartures(store, feed)));
        return new NodeStorage(
            journal, hazelcast, store, feed, blocking, DepartureWatch.nodeIdOf(hazelcast));
      }
      return new NodeStorage(
          journal,
          null,
          journaled(new InMemoryWorkshopStore(loader, blocking), journal, metrics),
          new InMemoryWorkshopFeed(),
          blocking,
          null);
    } catch (RuntimeException e) {
      blocking.shutdownNow();
      if (journal != null) {
        journal.close();
      }
      throw e;
    }
  }

  private static ExecutorService daemonThreads(int count, String name) {
    return Executors.newFixedThreadPool(
        count,
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  private static JdbcWorkshopJournal openJournal(JournalSettings settings) {
    return switch (settings.kind()) {
      case SQLITE -> JdbcWorkshopJournal.sqlite(settings.dataDir());
      case POSTGRES ->
          JdbcWorkshopJournal.postgres(settings.jdbcUrl(), settings.user(), settings.password());
      case NONE -> null;
    };
  }

  private static WorkshopStore journaled(
      WorkshopStore memory, WorkshopJournal journal, RoomMetrics metrics) {
    return journal == null ? memory : new JournalingWorkshopStore(memory, journal, metrics);
  }

  WorkshopStore store() {
    return store;
  }

  WorkshopFeed feed() {
    return feed;
  }

  ImageStore images() {
    return images;
  }

  HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /**
   * In memory: ready once started. With Hazelcast: while the member runs in an active cluster. With
   * a journal: while it can be read too.
   */
  Readiness readiness(Executor worker) {
    Readiness readiness;
    if (hazelcast == null) {
      readiness = new Readiness(() -> CompletableFuture.completedFuture(1), List.of());
    } else {
      HazelcastReadiness member = new HazelcastReadiness(hazelcast, worker);
      readiness = new Readiness(member::members, List.of(member));
    }
    if (journal != null) {
      readiness.add(new JournalReadiness(journal, worker));
    }
    return readiness;
  }

  /** Leaves the cluster first (its partitions move to the others), then commits the journal. */
  @Override
  public void close() {
    if (hazelcast == null || hazelcast.getLifecycleService().isRunning()) {
      feed.stop(); // Unregisters from a member that may already be gone.
    }
    if (hazelcast != null) {
      hazelcast.shutdown();
    }
    blocking.shutdownNow();
    if (imageReads != null) {
      imageReads.shutdownNow();
    }
    if (journal != null) {
      journal.close();
    }
  }
}
