/**
 * In-memory adapters of the ports: for a single process without Hazelcast, and for tests. They pass
 * the same contract tests as the Hazelcast adapters.
 */
package io.atelier.adapter.memory;
