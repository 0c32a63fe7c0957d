package org.crossdesk.schemaregistry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                // Reads, including the POSTs that only read.
                "GET,    /subjects,                                            READ",
                "GET,    /schemas/ids/{id},                                    READ",
                "GET,    /config,                                              READ",
                "GET,    /mode/{subject},                                      READ",
                "HEAD,   /subjects,                                            READ",
                "get,    /subjects,                                            READ",
                "GET,    null,                                                 READ",
                "POST,   /subjects/{subject},                                  READ",
                "POST,   /compatibility/subjects/{subject}/versions,           READ",
                "POST,   /compatibility/subjects/{subject}/versions/{version}, READ",
                "POST,   /,                                                    READ",
                // Registration.
                "POST,   /subjects/{subject}/versions,                         REGISTER",
                // Administration: config, mode and every delete.
                "PUT,    /config,                                              ADMIN",
                "DELETE, /config,                                              ADMIN",
                "PUT,    /config/{subject},                                    ADMIN",
                "DELETE, /config/{subject},                                    ADMIN",
                "PUT,    /mode,                                                ADMIN",
                "PUT,    /mode/{subject},                                      ADMIN",
                "DELETE, /mode/{subject},                                      ADMIN",
                "DELETE, /subjects/{subject},                                  ADMIN",
                "DELETE, /subjects/{subject}/versions/{version},               ADMIN",
                // Writes the table does not know need the most.
                "POST,   /error,                                               ADMIN",
                "POST,   null,                                                 ADMIN",
                "POST,   /subjects/{subject}/versions/{version},               ADMIN",
                "PATCH,  /subjects/{subject},                                  ADMIN",
                "PUT,    /subjects/{subject}/versions,                         ADMIN"
            })
    void requiredRole(String method, String route, Role expected) {
        assertThat(AccessPolicy.required(method, route)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource({
        "READ, READ, true", "READ, REGISTER, false", "READ, ADMIN, false",
        "REGISTER, READ, true", "REGISTER, REGISTER, true", "REGISTER, ADMIN, false",
        "ADMIN, READ, true", "ADMIN, REGISTER, true", "ADMIN, ADMIN, true"
    })
    void eachRoleIncludesTheOnesBefore(Role held, Role required, boolean allowed) {
        assertThat(held.includes(required)).isEqualTo(allowed);
    }
}
