package org.crossdesk.schemaregistry.auth;

/** An authenticated caller of the registry. */
public record RegistryUser(String name, Role role) {}
