package org.crossdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's and docs/topics.md's topic tables, and the README's module table, say what the catalogue and the
 * build say: who writes and reads each topic ({@link Topics#access}, from which the Kafka ACLs are computed), each
 * topic's partitions and cleanup, how long dead letters are kept, and which modules exist. A change to one without
 * the other fails here.
 */
class CatalogueDocumentationTest {

    private static final Path ROOT = Path.of("../..");
    private static final Set<Party> SERVICES =
            EnumSet.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD, Party.SCHEMA_REGISTRY);
    private static final String A_DESK = "FR-DOC";

    /** One row of a markdown table: its cells, trimmed. */
    private static List<List<String>> table(Path file, String firstHeader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("| " + firstHeader + " |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|")) {
                if (!line.startsWith("| ---")) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                        cells.add(cell.trim());
                    }
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows).as("table starting with '%s' in %s", firstHeader, file).isNotEmpty();
        return rows;
    }

    /** The catalogue topic a documented name stands for, or null for the dead-letter row. */
    private static String topicOf(String cell) {
        Matcher name = Pattern.compile("`([^`]+)`").matcher(cell);
        assertThat(name.find()).as("a topic name in backticks: %s", cell).isTrue();
        String topic = name.group(1);
        if (topic.equals("<topic>-dlt")) {
            return null;
        }
        return topic.replace("<DESK>", A_DESK);
    }

    /** The parties a writers or readers cell names; notes in brackets are not parties. */
    static Set<Party> partiesOf(String cell) {
        String text = cell.replaceAll("\\([^)]*\\)", "").toLowerCase();
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (text.contains("every service but the registry")) {
            parties.addAll(SERVICES);
            parties.remove(Party.SCHEMA_REGISTRY);
            text = text.replace("every service but the registry", "");
        }
        if (text.contains("all services")) {
            parties.addAll(List.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD));
            text = text.replace("all services", "");
        }
        if (text.contains("that desk")) {
            parties.add(Party.OWNING_DESK);
            text = text.replace("that desk", "");
        }
        if (text.contains("auditor")) {
            parties.add(Party.AUDITOR);
        }
        for (Party party : SERVICES) {
            if (Pattern.compile("\\b" + Pattern.quote(party.id()) + "\\b")
                    .matcher(text)
                    .find()) {
                parties.add(party);
            }
        }
        return parties;
    }

    private static void assertAccessAgrees(Path file, List<List<String>> rows, int writers, int readers) {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (List<String> row : rows) {
            String topic = topicOf(row.get(0));
            if (topic == null) {
                continue;
            }
            documented.put(topic, row);
            TopicAccess access = Topics.access(topic);
            assertThat(partiesOf(row.get(writers)))
                    .as("writers of %s in %s", topic, file)
                    .isEqualTo(access.writers());
            assertThat(partiesOf(row.get(readers)))
                    .as("readers of %s in %s", topic, file)
                    .isEqualTo(access.readers());
        }
        Set<String> catalogue = Topics.all().stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
        catalogue.add(Topics.deskOutboxName(A_DESK));
        catalogue.add(Topics.deskInboxName(A_DESK));
        assertThat(new TreeSet<>(documented.keySet()))
                .as("topics listed in %s", file)
                .isEqualTo(catalogue);
    }

    @Test
    void theReadmesTopicTableNamesTheCataloguesWritersAndReaders() throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertAccessAgrees(readme, table(readme, "topic"), 3, 4);
    }

    @Test
    void theTopicsPageNamesTheCataloguesWritersReadersPartitionsAndCleanup() throws IOException {
        Path page = ROOT.resolve("docs/topics.md");
        List<List<String>> rows = table(page, "topic");
        assertAccessAgrees(page, rows, 6, 7);
        for (List<String> row : rows) {
            String name = topicOf(row.get(0));
            if (name == null) {
                assertThat(row.get(5))
                        .as("retention of dead-letter topics")
                        .contains("at most " + Topics.DEAD_LETTER_RETENTION.toDays() + " days");
                continue;
            }
            Topic<String, ?> topic = Topics.isDeskOutbox(name)
                    ? Topics.deskOutbox(A_DESK)
                    : Topics.isDeskInbox(name)
                            ? Topics.deskInbox(A_DESK)
                            : Topics.all().stream()
                                    .filter(t -> t.name().equals(name))
                                    .findFirst()
                                    .orElseThrow();
            assertThat(row.get(3)).as("partitions of %s", name).isEqualTo(String.valueOf(topic.partitions()));
            assertThat(row.get(4))
                    .as("cleanup of %s", name)
                    .isEqualTo(topic.cleanupPolicy().name().toLowerCase());
        }
    }

    @Test
    void theReadmesModuleTableListsEveryModuleOfTheBuild() throws IOException {
        Set<String> modules = new TreeSet<>();
        Pattern module = Pattern.compile("<module>([^<]+)</module>");
        for (String pom : List.of("pom.xml", "services/pom.xml")) {
            Matcher m = module.matcher(Files.readString(ROOT.resolve(pom)));
            String prefix = pom.contains("/") ? pom.substring(0, pom.indexOf('/') + 1) : "";
            while (m.find()) {
                modules.add(prefix + m.group(1));
            }
        }
        modules.remove("services"); // the aggregator of the services, not a module of its own

        Set<String> documented = new TreeSet<>();
        for (List<String> row : table(ROOT.resolve("README.md"), "module")) {
            Matcher name = Pattern.compile("`([^`]+?)/?`").matcher(row.get(0));
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        documented.removeAll(Set.of("schemas", "docker-compose.yml", "docker")); // not Maven modules
        assertThat(documented).isEqualTo(modules);
    }
}
