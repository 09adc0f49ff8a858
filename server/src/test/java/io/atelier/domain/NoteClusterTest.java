package io.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clusters of notes for the restitution (CL1 to CL5), as the domain applies them. */
class NoteClusterTest extends WorkshopFixture {

  @BeforeEach
  void threeNotes() {
    noteOn("main", "n-1", 0, 0);
    noteOn("main", "n-2", 300, 0);
    noteOn("main", "n-3", 600, 100);
  }

  private Cluster cluster(String id) {
    return clusters().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private Event create(String clusterId, String title, String... noteIds) {
    return applied(
        byHost(new Change.CreateCluster(nextId(), clusterId, "main", title, List.of(noteIds))));
  }

  @Test
  @DisplayName("CL1 the facilitator gathers notes of a canvas under a title, in one event")
  void create() {
    Event event = create("k-1", "  Ce qui nous relie ", "n-2", "n-1");
    Cluster expected = new Cluster("k-1", "main", "Ce qui nous relie", List.of("n-2", "n-1"));
    assertThat(event).isEqualTo(new Event.ClusterChanged(event.revision(), "c-4", host, expected));
    assertThat(clusters()).containsExactly(expected);
    assertThat(state.content().facilitation().clusters()).containsExactly(expected);
  }

  @Test
  @DisplayName(
      "FA1 CL1 to CL5 every cluster change of a participant is refused with not_facilitator")
  void onlyTheFacilitator() {
    create("k-1", "Liens", "n-1");
    List<Change> changes =
        List.of(
            new Change.CreateCluster(nextId(), "k-2", "main", "Le mien", List.of("n-2")),
            new Change.RenameCluster(nextId(), "k-1", "Autre"),
            new Change.AddToCluster(nextId(), "k-1", List.of("n-2")),
            new Change.RemoveFromCluster(nextId(), "k-1", List.of("n-1")),
            new Change.DissolveCluster(nextId(), "k-1"),
            new Change.MoveCluster(nextId(), "k-1", 10, 10));
    long before = state.revision();
    for (Change change : changes) {
      assertThat(refused(byAna(change)))
          .as(change.toString())
          .isEqualTo(RejectionCode.NOT_FACILITATOR);
    }
    assertThat(state.revision()).isEqualTo(before);
  }

  @Test
  @DisplayName("CL1 an id in use, an unknown canvas, a note of another canvas or a deleted note")
  void createRefusals() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "Groupe A")));
    noteOn("c-a", "n-a", 0, 0);
    create("k-1", "Liens", "n-1");
    assertThat(
            refused(byHost(new Change.CreateCluster(nextId(), "k-1", "main", "X", List.of("n-2")))))
        .isEqualTo(RejectionCode.CLUSTER_EXISTS);
    assertThat(
            refused(
                byHost(new Change.CreateCluster(nextId(), "k-2", "c-ghost", "X", List.of("n-2")))))
        .isEqualTo(RejectionCode.UNKNOWN_CANVAS);
    assertThat(
            refused(
                byHost(
                    new Change.CreateCluster(nextId(), "k-2", "main", "X", List.of("n-2", "n-a")))))
        .isEqualTo(RejectionCode.UNKNOWN_NOTE);
    assertThat(refused(byHost(new Change.AddToCluster(nextId(), "k-1", List.of("n-ghost")))))
        .isEqualTo(RejectionCode.UNKNOWN_NOTE);
    applied(byHost(new Change.DeleteNote(nextId(), "n-3")));
    assertThat(refused(byHost(new Change.AddToCluster(nextId(), "k-1", List.of("n-3")))))
        .isEqualTo(RejectionCode.NOTE_DELETED);
    assertThat(clusters()).hasSize(1);
  }

  @Test
  @DisplayName("CL1 ER1 a cluster has a title and one to 500 distinct notes")
  void values() {
    assertThatThrownBy(() -> new Change.CreateCluster("c", "k", "main", " ", List.of("n-1")))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> new Change.CreateCluster("c", "k", "main", "T", List.of()))
        .hasMessageContaining("at least one note");
    assertThatThrownBy(() -> new Change.AddToCluster("c", "k", List.of("n-1", "n-1")))
        .hasMessageContaining("twice");
    List<String> many = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "n-" + i).toList();
    assertThatThrownBy(() -> new Change.AddToCluster("c", "k", many)).hasMessageContaining("500");
    assertThatThrownBy(() -> new Change.MoveCluster("c", "k", Double.NaN, 0))
        .hasMessageContaining("dx and dy");
  }

  @Test
  @DisplayName("CL2 CL3 CL4 CL5 a cluster that is not there is unknown_cluster")
  void unknownCluster() {
    for (Change change :
        List.of(
            new Change.RenameCluster(nextId(), "k-ghost", "X"),
            new Change.AddToCluster(nextId(), "k-ghost", List.of("n-1")),
            new Change.RemoveFromCluster(nextId(), "k-ghost", List.of("n-1")),
            new Change.DissolveCluster(nextId(), "k-ghost"),
            new Change.MoveCluster(nextId(), "k-ghost", 1, 1))) {
      assertThat(refused(byHost(change)))
          .as(change.toString())
          .isEqualTo(RejectionCode.UNKNOWN_CLUSTER);
    }
  }

  @Test
  @DisplayName(
      "CL2 CL3 rename; adding takes a note from its other cluster, which left empty is gone")
  void renameAddRemove() {
    create("k-1", "Liens", "n-1", "n-2");
    create("k-2", "Ressources", "n-3");
    applied(byHost(new Change.RenameCluster(nextId(), "k-1", "Nos liens")));
    assertThat(cluster("k-1").title()).isEqualTo("Nos liens");

    Event added = applied(byHost(new Change.AddToCluster(nextId(), "k-1", List.of("n-3", "n-1"))));
    assertThat(((Event.ClusterChanged) added).cluster().noteIds())
        .containsExactly("n-1", "n-2", "n-3");
    assertThat(clusters()).extracting(Cluster::id).containsExactly("k-1");

    create("k-3", "À part", "n-2");
    assertThat(cluster("k-1").noteIds()).containsExactly("n-1", "n-3");
    assertThat(cluster("k-3").noteIds()).containsExactly("n-2");

    Event removed =
        applied(byHost(new Change.RemoveFromCluster(nextId(), "k-1", List.of("n-1", "n-2"))));
    assertThat(((Event.ClusterChanged) removed).cluster().noteIds()).containsExactly("n-3");
    Event last = applied(byHost(new Change.RemoveFromCluster(nextId(), "k-1", List.of("n-3"))));
    assertThat(last)
        .isEqualTo(new Event.ClusterDissolved(last.revision(), last.changeId(), host, "k-1"));
    assertThat(clusters()).extracting(Cluster::id).containsExactly("k-3");
  }

  @Test
  @DisplayName(
      "CL4 dissolving keeps the notes; a deleted note leaves its cluster, the last one ends it")
  void dissolveAndDelete() {
    create("k-1", "Liens", "n-1", "n-2");
    create("k-2", "Seule", "n-3");
    applied(byHost(new Change.DeleteNote(nextId(), "n-1")));
    assertThat(cluster("k-1").noteIds()).containsExactly("n-2");
    applied(byAna(new Change.DeleteNote(nextId(), "n-3")));
    assertThat(clusters()).extracting(Cluster::id).containsExactly("k-1");
    applied(byHost(new Change.DissolveCluster(nextId(), "k-1")));
    assertThat(clusters()).isEmpty();
    assertThat(state.snapshot().notes()).extracting(Note::id).containsExactly("n-2");
    create("k-1", "Encore", "n-2"); // the id is free again
  }

  @Test
  @DisplayName("CV3 CL4 deleting a canvas dissolves its clusters, not those of other canvases")
  void deleteCanvas() {
    applied(byHost(new Change.CreateCanvas(nextId(), "c-a", "blank", "Groupe A")));
    noteOn("c-a", "n-a", 0, 0);
    applied(byHost(new Change.CreateCluster(nextId(), "k-a", "c-a", "Groupe A", List.of("n-a"))));
    create("k-1", "Liens", "n-1");
    applied(byHost(new Change.DeleteCanvas(nextId(), "c-a")));
    assertThat(clusters()).extracting(Cluster::id).containsExactly("k-1");
  }

  @Test
  @DisplayName("CL5 moving a cluster moves every note of it in one event, locked notes included")
  void move() {
    create("k-1", "Liens", "n-1", "n-3");
    applied(byHost(new Change.LockNote(nextId(), "n-3", true)));
    applied(byHost(new Change.LockCanvas(nextId(), "main", true)));
    Event event = applied(byHost(new Change.MoveCluster(nextId(), "k-1", 50, -20.5)));
    assertThat(event)
        .isEqualTo(
            new Event.ClusterMoved(
                event.revision(),
                event.changeId(),
                host,
                "k-1",
                50,
                -20.5,
                List.of(new NotePosition("n-1", 50, -20.5), new NotePosition("n-3", 650, 79.5))));
    assertThat(note("n-1").x()).isEqualTo(50);
    assertThat(note("n-3").y()).isEqualTo(79.5);
    assertThat(note("n-3").locked()).isTrue();
    assertThat(note("n-2").x()).as("not in the cluster").isEqualTo(300);
  }

  @Test
  @DisplayName("CL5 NT6 at the edge of the canvas a note stops; the others still move")
  void moveToTheEdge() {
    create("k-1", "Liens", "n-1", "n-3");
    applied(byHost(new Change.MoveCluster(nextId(), "k-1", 99_700, 0)));
    assertThat(note("n-1").x()).isEqualTo(99_700);
    assertThat(note("n-3").x()).isEqualTo(100_000);
  }

  @Test
  @DisplayName("CL1 to CL5 the journal's events and a checkpoint rebuild clusters and moved notes")
  void rebuilt() {
    create("k-1", "Liens", "n-1", "n-2");
    create("k-2", "Autre", "n-3");
    applied(byHost(new Change.AddToCluster(nextId(), "k-1", List.of("n-3"))));
    applied(byHost(new Change.MoveCluster(nextId(), "k-1", 10, 10)));
    applied(byHost(new Change.DeleteNote(nextId(), "n-2")));
    applied(byHost(new Change.RenameCluster(nextId(), "k-1", "Nos liens")));
    WorkshopState rebuilt = replayed();
    assertThat(rebuilt.checkpoint()).isEqualTo(state.checkpoint());
    assertThat(rebuilt.snapshot().facilitation().clusters())
        .containsExactly(new Cluster("k-1", "main", "Nos liens", List.of("n-1", "n-3")));
    WorkshopState restored = WorkshopState.restore(state.checkpoint());
    assertThat(restored.snapshot().facilitation()).isEqualTo(state.snapshot().facilitation());
    assertThat(restored.snapshot().notes()).isEqualTo(state.snapshot().notes());
  }

  @Test
  @DisplayName("EX2 CL3 an import with a note in two clusters, or of another canvas, is refused")
  void consistency() {
    create("k-1", "Liens", "n-1");
    WorkshopContent content = state.content();
    var arranged = content.facilitation();
    List<Cluster> twice =
        List.of(arranged.clusters().get(0), new Cluster("k-2", "main", "Encore", List.of("n-1")));
    var broken = arranged.withClusters(twice);
    assertThatThrownBy(
            () ->
                new WorkshopContent(content.participants(), content.notes(), broken)
                    .requireConsistent())
        .hasMessageContaining("n-1 is in two clusters");
    assertThat(content.requireConsistent()).isSameAs(content);
  }

  @Test
  @DisplayName(
      "CL6 PW1 no cluster changes on a canvas in private writing, the facilitator's neither, and a"
          + " refusal says nothing of hidden notes; revealed, they change again")
  void privateCanvas() {
    create("k-1", "Liens", "n-1", "n-2");
    applied(
        byAna(
            new Change.CreateNote(
                nextId(), "n-ana", "main", 0, 400, 200, 140, "à moi", NoteColor.PINK)));
    applied(byHost(new Change.SetCanvasPrivacy(nextId(), "main", true, false)));
    List<Change> changes =
        List.of(
            new Change.CreateCluster(nextId(), "k-2", "main", "Cachées", List.of("n-ana")),
            new Change.CreateCluster(nextId(), "k-3", "main", "Fantôme", List.of("n-ghost")),
            new Change.RenameCluster(nextId(), "k-1", "Autre"),
            new Change.AddToCluster(nextId(), "k-1", List.of("n-ana")),
            new Change.RemoveFromCluster(nextId(), "k-1", List.of("n-1")),
            new Change.DissolveCluster(nextId(), "k-1"),
            new Change.MoveCluster(nextId(), "k-1", 10, 10));
    long before = state.revision();
    for (Change change : changes) {
      assertThat(refused(byHost(change)))
          .as(change.toString())
          .isEqualTo(RejectionCode.PRIVATE_CANVAS);
    }
    assertThat(refused(byHost(new Change.DissolveCluster(nextId(), "k-ghost"))))
        .isEqualTo(RejectionCode.UNKNOWN_CLUSTER);
    assertThat(state.revision()).isEqualTo(before);
    assertThat(cluster("k-1").noteIds()).containsExactly("n-1", "n-2");

    // CL4 still holds while private: a deleted note leaves its cluster.
    applied(byHost(new Change.DeleteNote(nextId(), "n-2")));
    assertThat(cluster("k-1").noteIds()).containsExactly("n-1");
    applied(byHost(new Change.SetCanvasPrivacy(nextId(), "main", false, false)));
    applied(byHost(new Change.AddToCluster(nextId(), "k-1", List.of("n-ana"))));
    assertThat(cluster("k-1").noteIds()).containsExactly("n-1", "n-ana");
  }
}
