package org.crossdesk.schemaregistry.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Prints the static-user line for a new registry user, reading the password from the terminal (not
 * echoed) or from standard input, never from the command line where {@code ps} and shell history
 * would keep it. Needs nothing but the JDK, so the module's plain jar is enough:
 *
 * <pre>
 * java -cp services/schema-registry/target/schema-registry-0.1.0-SNAPSHOT.jar \
 *   org.crossdesk.schemaregistry.auth.UserLine ci-pipeline REGISTER
 * </pre>
 */
public final class UserLine {

    private UserLine() {}

    /** The line for a user with this password, e.g. {@code ci-pipeline REGISTER sha256:5e88…}. */
    public static String line(String user, Role role, String password) {
        return StaticUsers.line(user, role, password);
    }

    public static void main(String[] args) throws IOException {
        Role role = null;
        if (args.length == 2) {
            try {
                role = Role.valueOf(args[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Reported below with the usage.
            }
        }
        if (role == null || args[0].isBlank() || args[0].indexOf(':') >= 0 || args[0].matches(".*[\\s;#].*")) {
            System.err.println("usage: UserLine <user> <READ|REGISTER|ADMIN>   (the password is read from the terminal"
                    + " or standard input; the user name has no spaces, ':', ';' or '#')");
            System.exit(2);
            return;
        }
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
            return;
        }
        System.out.println(line(args[0], role, password));
    }

    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
