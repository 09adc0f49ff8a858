package io.atelier.domain;

import java.io.Serializable;

/**
 * What a request's bearer secret opens in a workshop (RO6): its facts, and whether the secret is
 * the facilitator key or the token of a person who facilitates now. Only the answer travels from
 * the member that holds the workshop, never a hash of anyone's secret.
 */
public record Authority(WorkshopFacts facts, boolean facilitator) implements Serializable {}
