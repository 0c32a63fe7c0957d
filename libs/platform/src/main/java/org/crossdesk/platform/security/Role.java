package org.crossdesk.platform.security;

/** What an authenticated caller may be. A desk acts only as itself; the others see across desks. */
public enum Role {
    /** A national desk or its partner system, acting as exactly one desk id. */
    DESK,
    /** Maintains the directory of desks and cooperation agreements. */
    ADMIN,
    /** Watches the operational picture (dashboard), no personal data. */
    SUPERVISOR,
    /** Reads the audit trail and the operational picture. */
    AUDITOR
}
