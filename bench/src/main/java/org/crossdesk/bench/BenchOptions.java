package org.crossdesk.bench;

import java.util.HashMap;
import java.util.Map;

/** The command line of a benchmark that takes {@code --name value} pairs and the {@code --insecure} flag. */
public final class BenchOptions {

    private BenchOptions() {}

    /**
     * {@code --name value} pairs by name (without the dashes); {@code --insecure} as {@code insecure=true}.
     *
     * @throws IllegalArgumentException for a word that is not an option, or an option without its value
     */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            if (args[i].equals("--insecure")) {
                options.put("insecure", "true");
            } else if (i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Missing the value of " + args[i]);
            }
        }
        return options;
    }
}
