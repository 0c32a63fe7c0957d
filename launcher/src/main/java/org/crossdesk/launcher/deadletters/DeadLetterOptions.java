package org.crossdesk.launcher.deadletters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.crossdesk.events.Topics;

/**
 * The command line of {@code ./crossdesk dead-letters}.
 *
 * @param topic     the dead-letter topic of {@code show} and {@code redrive}
 * @param partition with {@code offset}: one record ({@code redrive}), or where to start ({@code show})
 */
record DeadLetterOptions(
        Action action,
        String topic,
        OptionalInt partition,
        OptionalLong offset,
        boolean all,
        int limit,
        boolean apply,
        String bootstrapServers,
        Optional<Path> stateDir) {

    enum Action {
        HELP,
        LIST,
        SHOW,
        REDRIVE,
        RETENTION
    }

    static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    static final int DEFAULT_LIMIT = 20;
    // Enough to page through any dead-letter topic an operator reads on a terminal; more is a job for a program.
    static final int MAX_LIMIT = 10_000;

    static final String USAGE = """
      Usage: ./crossdesk dead-letters list
             ./crossdesk dead-letters show TOPIC [--limit N] [--partition P [--offset O]]
             ./crossdesk dead-letters redrive TOPIC (--partition P --offset O | --all)
             ./crossdesk dead-letters retention [--apply]
        Dead letters are records no consumer could use, kept in <topic>-dlt with the cause in headers
        (docs/operations.md). Values are never printed: they may hold personal data.

        list        every dead-letter topic: records, those waiting (not redriven), oldest and newest, retention
        show        each record's partition, offset, time, key, value size, origin and cause (default the
                    first 20; --partition P --offset O starts there)
        redrive     write the record at P@O, or --all records not yet redriven, back to its original topic:
                    same key, value, time and headers, the cause headers replaced by crossdesk-redriven-from.
                    The consumer decides again; a record that fails again is dead-lettered again
        retention   each dead-letter topic's retention against the catalogue's bound; --apply shortens those
                    kept longer (topics made before the bound existed)

        --bootstrap-servers H:P   the cluster (default 127.0.0.1:9092); as the launcher's admin when
                                  <state dir>/data/secrets/admin exists, else without authentication
        --state-dir DIR           the launcher's state directory (default .crossdesk in the repository)
        -h, --help                this text
      """;

    static DeadLetterOptions parse(List<String> args) {
        Action action = null;
        String topic = null;
        Integer partition = null;
        Long offset = null;
        boolean all = false;
        Integer limit = null;
        boolean apply = false;
        boolean help = false;
        String bootstrap = DEFAULT_BOOTSTRAP_SERVERS;
        Path stateDir = null;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--all" -> all = true;
                case "--apply" -> apply = true;
                case "--partition" -> partition = (int) number(arg, value(arg, inlineValue, rest), Integer.MAX_VALUE);
                case "--offset" -> offset = number(arg, value(arg, inlineValue, rest), Long.MAX_VALUE);
                case "--limit" -> {
                    limit = (int) number(arg, value(arg, inlineValue, rest), MAX_LIMIT);
                    if (limit < 1) {
                        throw new UsageException("--limit must be at least 1");
                    }
                }
                case "--bootstrap-servers" -> bootstrap = value(arg, inlineValue, rest);
                case "--state-dir" -> stateDir = Path.of(value(arg, inlineValue, rest));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    } else if (action == null) {
                        action = action(arg);
                    } else if (topic == null && (action == Action.SHOW || action == Action.REDRIVE)) {
                        topic = arg;
                    } else {
                        throw new UsageException("unexpected argument '" + arg + "'");
                    }
                }
            }
        }
        if (help || action == null) {
            if (!help) {
                throw new UsageException("say what to do: list, show, redrive or retention");
            }
            action = Action.HELP;
        }
        if (action == Action.SHOW || action == Action.REDRIVE) {
            if (topic == null) {
                throw new UsageException(action.name().toLowerCase() + " needs a dead-letter topic (see list)");
            }
            if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                throw new UsageException(
                        "'" + topic + "' is not a dead-letter topic: its name ends in " + Topics.DEAD_LETTER_SUFFIX);
            }
        }
        if (offset != null && partition == null) {
            throw new UsageException("--offset needs --partition: offsets are per partition");
        }
        if (action == Action.REDRIVE && all == (offset != null)) {
            throw new UsageException("redrive needs either --partition P --offset O (one record) or --all");
        }
        if (action == Action.REDRIVE && all && partition != null) {
            throw new UsageException(
                    "redrive --all takes every partition; for one record give --partition and" + " --offset");
        }
        refuse(all && action != Action.REDRIVE, "--all", action);
        refuse(apply && action != Action.RETENTION, "--apply", action);
        refuse(limit != null && action != Action.SHOW, "--limit", action);
        refuse(partition != null && action != Action.SHOW && action != Action.REDRIVE, "--partition", action);
        return new DeadLetterOptions(
                action,
                topic,
                partition == null ? OptionalInt.empty() : OptionalInt.of(partition),
                offset == null ? OptionalLong.empty() : OptionalLong.of(offset),
                all,
                limit == null ? DEFAULT_LIMIT : limit,
                apply,
                bootstrap,
                Optional.ofNullable(stateDir));
    }

    private static Action action(String word) {
        return switch (word) {
            case "list" -> Action.LIST;
            case "show" -> Action.SHOW;
            case "redrive" -> Action.REDRIVE;
            case "retention" -> Action.RETENTION;
            default ->
                throw new UsageException("unknown command '" + word + "'; known: list, show, redrive, retention");
        };
    }

    private static void refuse(boolean given, String option, Action action) {
        if (given && action != Action.HELP) {
            throw new UsageException(
                    option + " does not apply to " + action.name().toLowerCase());
        }
    }

    private static String value(String option, String inlineValue, List<String> rest) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static long number(String option, String text, long max) {
        try {
            long number = Long.parseLong(text);
            if (number < 0 || number > max) {
                throw new UsageException(option + ": " + text + " is out of range (0–" + max + ")");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a number");
        }
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
