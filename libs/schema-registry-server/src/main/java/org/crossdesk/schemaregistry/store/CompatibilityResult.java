package org.crossdesk.schemaregistry.store;

import java.util.List;

/** Outcome of a compatibility test: compatible or not, with Confluent-style messages when not. */
public record CompatibilityResult(boolean compatible, List<String> messages) {}
