/**
 * Hazelcast adapters: workshop states in an IMap changed by entry processors on the partition that
 * owns each workshop (atomic and ordered without locks, backed up synchronously), and the
 * node-to-node feed on a topic. Nothing outside this package imports Hazelcast.
 */
package io.atelier.adapter.hazelcast;
