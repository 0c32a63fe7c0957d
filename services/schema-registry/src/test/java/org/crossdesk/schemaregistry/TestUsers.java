package org.crossdesk.schemaregistry;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.crossdesk.schemaregistry.auth.Role;
import org.crossdesk.schemaregistry.auth.UserLine;

/**
 * One static registry user per role, with passwords made up for this test JVM, and the setting that
 * configures them on an {@link org.crossdesk.schemaregistry.server.EmbeddedSchemaRegistry}.
 */
public final class TestUsers {

    public record User(String name, String password) {}

    /** A desk: reads only. */
    public static final User DESK =
            new User("desk-ZZ-TESTDESK", UUID.randomUUID().toString());
    /** A service or CI pipeline: also registers. */
    public static final User REGISTRAR =
            new User("ci-pipeline", UUID.randomUUID().toString());
    /** An operator: everything. */
    public static final User ADMIN = new User("registry-ops", UUID.randomUUID().toString());

    private TestUsers() {}

    /** {@code crossdesk.registry.auth.users} with the three users above. */
    public static Map<String, String> settings() {
        return Map.of(
                "crossdesk.registry.auth.users",
                String.join(
                        ";",
                        UserLine.line(DESK.name(), Role.READ, DESK.password()),
                        UserLine.line(REGISTRAR.name(), Role.REGISTER, REGISTRAR.password()),
                        UserLine.line(ADMIN.name(), Role.ADMIN, ADMIN.password())));
    }

    /** These settings plus others. */
    public static Map<String, String> settingsWith(String key, String value) {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put(key, value);
        return settings;
    }
}
