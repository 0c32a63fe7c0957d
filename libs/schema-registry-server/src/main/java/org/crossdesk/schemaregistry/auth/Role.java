package org.crossdesk.schemaregistry.auth;

/** What a registry user may do; each role includes the ones before it. */
public enum Role {
    /** Desks and any authenticated principal: every GET, subject lookups and compatibility checks. */
    READ,
    /** Services and CI: also registers new schema versions. */
    REGISTER,
    /** Operators: also changes or removes compatibility levels and modes, and deletes. */
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
