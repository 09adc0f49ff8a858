package io.atelier.domain;

import java.io.Serializable;
import java.util.List;

/**
 * Which canvases are in private writing (PW1) and which were revealed without authors (PW2).
 * Anonymity, once given to a canvas, stays: a later reveal cannot put names back on its notes.
 */
public record Privacy(List<String> privateCanvases, List<String> anonymousCanvases)
    implements Serializable {
  public static final Privacy NONE = new Privacy(List.of(), List.of());

  public Privacy {
    privateCanvases = List.copyOf(privateCanvases);
    anonymousCanvases = List.copyOf(anonymousCanvases);
  }

  public boolean isPrivate(String canvasId) {
    return privateCanvases.contains(canvasId);
  }

  public boolean isAnonymous(String canvasId) {
    return anonymousCanvases.contains(canvasId);
  }
}
