package org.crossdesk.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this process is the public demo ({@code crossdesk.demo=true}, env {@code CROSSDESK_DEMO=true}).
 * The demo credentials (the {@code demo-<principal>} API keys, the demo sealing key) are published in the
 * repository, so anyone could use them against a deployment that accepts them. Every service asks this one
 * place before accepting such a credential: without the flag it refuses to start; with it, it starts and
 * says loudly once that it accepts demo credentials.
 */
public final class DemoMode {

    public static final String PROPERTY = "crossdesk.demo";
    public static final String ENVIRONMENT_VARIABLE = "CROSSDESK_DEMO";

    private final boolean enabled;
    private final List<String> accepted = new ArrayList<>();

    public DemoMode(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Lets a demo credential through in demo mode; refuses it otherwise.
     *
     * @param credential what was found, as an operator reads it ("crossdesk.http.api-keys(-file) holds ...")
     * @param remedy     what to configure instead (e.g. "Configure API keys of your own: ...")
     * @throws DemoCredentialsRefusedException unless demo mode is on
     */
    public synchronized void accept(String credential, String remedy) {
        if (!enabled) {
            throw new DemoCredentialsRefusedException(credential, remedy);
        }
        accepted.add(credential);
    }

    /** The demo credentials accepted so far. */
    public synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The one warning a demo process logs once it has started its parts, or empty outside a demo. */
    public synchronized Optional<String> warning() {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.of(
                "DEMO MODE (" + PROPERTY + "=true): this service ACCEPTS THE PUBLISHED DEMO CREDENTIALS"
                        + (accepted.isEmpty() ? " (none configured so far)" : ": " + String.join("; ", accepted))
                        + ". Anyone who has read the Crossdesk repository can use them. Never run a real deployment like this.");
    }
}
