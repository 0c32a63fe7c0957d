package org.crossdesk.launcher.deadletters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.launcher.StackOptions;
import org.crossdesk.launcher.access.StackAccess;
import org.crossdesk.launcher.deadletters.DeadLetterOptions.UsageException;

/**
 * {@code ./crossdesk dead-letters}: what an operator on call does with records no consumer could use (docs/operations.md):
 * list the dead-letter topics, inspect their records without their values, write records back to their topic for
 * the consumer to decide again, and bound the retention of dead-letter topics made before the catalogue bounded it.
 */
public final class DeadLetters {

    /** The first argument of {@code ./crossdesk} that hands the rest to this command. */
    public static final String COMMAND = "dead-letters";

    // Long enough for a broker that is busy, short enough that an operator is not left waiting on one that is down.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeadLetters() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@value #COMMAND}
     * @param home the repository, whose {@code .crossdesk} is the default state directory
     * @return the process's exit code: 0 done, 1 Kafka refused or failed, 2 a wrong command line
     */
    public static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        DeadLetterOptions options;
        try {
            options = DeadLetterOptions.parse(args);
        } catch (UsageException e) {
            err.println("crossdesk dead-letters: " + e.getMessage());
            err.print(DeadLetterOptions.USAGE);
            return 2;
        }
        if (options.action() == DeadLetterOptions.Action.HELP) {
            out.print(DeadLetterOptions.USAGE);
            return 0;
        }
        StackOptions stack = StackOptions.forHome(home);
        options.stateDir().ifPresent(stack::stateDir);
        Path dataDir = stack.dataDir();
        Optional<StackAccess> admin = StackAccess.ofDataDir(dataDir);
        Map<String, Object> settings = admin.map(access -> access.adminClientSettings(options.bootstrapServers()))
                .orElse(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()));
        err.println("crossdesk dead-letters: " + options.bootstrapServers()
                + admin.map(access -> " as admin (secret in " + dataDir.resolve("secrets") + ")")
                        .orElse(" without authentication (no admin secret in " + dataDir + ")"));
        try (DeadLetterTopics topics = new DeadLetterTopics(settings, TIMEOUT)) {
            return switch (options.action()) {
                case LIST -> {
                    out.print(DeadLetterFormat.topics(topics.summaries()));
                    yield 0;
                }
                case SHOW -> show(topics, options, out);
                case REDRIVE -> redrive(topics, options, out, err);
                case RETENTION -> retention(topics, options.apply(), out);
                case HELP -> 0;
            };
        } catch (KafkaException e) {
            err.println("crossdesk dead-letters: " + e.getMessage());
            return 1;
        }
    }

    private static int show(DeadLetterTopics topics, DeadLetterOptions options, PrintStream out) {
        List<DeadLetter> letters = topics.read(options.topic(), options.partition(), options.offset(), options.limit());
        if (letters.isEmpty()) {
            out.println("No dead letters in " + options.topic()
                    + (options.partition().isPresent()
                            ? " partition " + options.partition().getAsInt()
                            : "")
                    + (options.offset().isPresent()
                            ? " from offset " + options.offset().getAsLong()
                            : "") + ".");
            return 0;
        }
        Map<TopicPartition, Long> marks = topics.marks();
        for (DeadLetter letter : letters) {
            Long mark = marks.get(new TopicPartition(letter.topic(), letter.partition()));
            out.print(DeadLetterFormat.record(letter, mark == null || letter.offset() >= mark));
            out.println();
        }
        if (letters.size() == options.limit()) {
            DeadLetter last = letters.get(letters.size() - 1);
            out.printf(
                    "The first %d shown; more: show %s --partition %d --offset %d%n",
                    letters.size(), last.topic(), last.partition(), last.offset() + 1);
        }
        return 0;
    }

    private static int redrive(DeadLetterTopics topics, DeadLetterOptions options, PrintStream out, PrintStream err) {
        if (options.all()) {
            int count = topics.redriveAll(options.topic(), out::print);
            out.println(
                    count == 0
                            ? "Nothing waiting in " + options.topic() + "."
                            : count + " redriven from " + options.topic() + "; each consumer decides again.");
            return 0;
        }
        int partition = options.partition().getAsInt();
        long offset = options.offset().getAsLong();
        Optional<DeadLetter> letter = topics.readOne(options.topic(), partition, offset);
        if (letter.isEmpty()) {
            err.println("crossdesk dead-letters: no dead letter at " + options.topic() + "-" + partition + "@" + offset
                    + " (see show " + options.topic() + ")");
            return 1;
        }
        RecordMetadata written = topics.redrive(letter.get());
        out.print(DeadLetterFormat.redriven(letter.get(), written.topic(), written.partition(), written.offset()));
        return 0;
    }

    private static int retention(DeadLetterTopics topics, boolean apply, PrintStream out) {
        List<TopicSummary> summaries = topics.summaries();
        if (apply) {
            for (TopicSummary topic : summaries) {
                if (topic.keepsLongerThanTheCatalogue()) {
                    topics.setRetention(
                            topic.name(),
                            TopicSummary.catalogueRetention(topic.name()).orElseThrow());
                }
            }
        }
        out.print(DeadLetterFormat.retention(summaries, apply));
        return 0;
    }
}
