/**
 * The wire protocol of docs/protocol.md as typed records: one sealed interface per direction,
 * Jackson type ids, and the mapping to and from the domain. Nothing here knows of sockets.
 */
package io.atelier.protocol;
