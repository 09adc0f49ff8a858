/**
 * Use cases of a live workshop: creating one, a browser's session in it, the fan-out of committed
 * events to the sockets of this node, and the facilitator's uploaded images. It talks to the
 * outside only through its ports, {@link io.atelier.application.WorkshopStore}, {@link
 * io.atelier.application.WorkshopFeed} and {@link io.atelier.application.ImageStore}, and to a
 * browser through {@link io.atelier.application.ClientChannel}, so that every rule can be tested in
 * memory.
 */
package io.atelier.application;
