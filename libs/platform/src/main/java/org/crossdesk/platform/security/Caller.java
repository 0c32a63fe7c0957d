package org.crossdesk.platform.security;

import java.util.Set;
import org.crossdesk.platform.web.ProblemException;

/**
 * The authenticated party behind an HTTP request: a principal name, the desk it acts as (for
 * {@link Role#DESK}) and its roles. Controllers receive it as a method argument.
 */
public record Caller(String name, String deskId, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
        if (roles.contains(Role.DESK) && (deskId == null || deskId.isBlank())) {
            throw new IllegalArgumentException("a DESK caller needs a desk id: " + name);
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isDesk(String desk) {
        return has(Role.DESK) && deskId.equals(desk);
    }

    /** @throws ProblemException 403 unless the caller has one of the roles */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (has(role)) {
                return;
            }
        }
        throw ProblemException.forbidden(name + " lacks the role needed here (" + Set.of(anyOf) + ").");
    }

    /** @throws ProblemException 403 unless the caller is that desk: a desk acts only as itself */
    public String requireDesk() {
        require(Role.DESK);
        return deskId;
    }
}
