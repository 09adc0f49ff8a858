/**
 * The workshop model and its sync rules, in plain Java: no Vert.x, no Hazelcast, no Jackson (an
 * ArchUnit test enforces it). Everything here runs the same in a unit test, in the in-memory store
 * and inside a Hazelcast entry processor on the partition that owns a workshop, which is what makes
 * the rules testable without a network.
 */
package io.atelier.domain;
