package io.atelier.protocol;

import io.atelier.domain.Checks;
import io.atelier.domain.SharedView;

/**
 * A world rectangle on the wire (FS1, FS2): the area of a canvas a facilitator's screen shows, in
 * the canvas's own coordinates. Boxed numbers, so that a missing field is named (ER1).
 */
public record WireView(Double x, Double y, Double width, Double height) {

  public static WireView of(SharedView view) {
    return new WireView(view.x(), view.y(), view.width(), view.height());
  }

  /** FS1: x and y within ±100,000 (NT6), width and height from 1 to 200,000. */
  void check() {
    Checks.coordinate(ClientMessage.require(x, "view.x"), "view.x");
    Checks.coordinate(ClientMessage.require(y, "view.y"), "view.y");
    SharedView.extent(ClientMessage.require(width, "view.width"), "view.width");
    SharedView.extent(ClientMessage.require(height, "view.height"), "view.height");
  }
}
