/**
 * Hazelcast adapters: workshop states in an IMap changed by entry processors on the partition that
 * owns each workshop (atomic and ordered without locks, backed up synchronously), the node-to-node
 * feed on a topic, and the uploaded images when there is no journal. Nothing outside this package
 * imports Hazelcast, except {@code NodeStorage}, which assembles it.
 */
package io.atelier.adapter.hazelcast;
