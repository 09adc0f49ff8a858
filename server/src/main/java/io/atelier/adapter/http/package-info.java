/**
 * The way in: HTTP routes, the WebSocket gateway and the pages, on Vert.x. Routes bind to named
 * methods; handlers translate between HTTP or frames and the application, and hold no rules.
 */
package io.atelier.adapter.http;
