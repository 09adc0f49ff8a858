/**
 * Use cases of a live workshop: creating one, a browser's session in it, and the fan-out of
 * committed events to the sockets of this node. It talks to the outside only through two ports,
 * {@link io.atelier.application.WorkshopStore} and {@link io.atelier.application.WorkshopFeed}, and
 * to a browser through {@link io.atelier.application.ClientChannel}, so that every rule can be
 * tested in memory.
 */
package io.atelier.application;
