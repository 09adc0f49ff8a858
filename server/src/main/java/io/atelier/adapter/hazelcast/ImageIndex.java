package io.atelier.adapter.hazelcast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The ids of a workshop's images, in upload order: the value of the image index map. */
record ImageIndex(List<String> ids) implements Serializable {
  ImageIndex {
    ids = List.copyOf(ids);
  }

  /** This index with one id more. */
  ImageIndex with(String id) {
    List<String> more = new ArrayList<>(ids);
    more.add(id);
    return new ImageIndex(more);
  }
}
