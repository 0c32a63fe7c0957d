package org.crossdesk.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot import Java: this test is what keeps its broker the launcher's and the tests'. */
class ComposeBrokerTest {

    private static final Pattern VARIABLE = Pattern.compile("^\\s+(KAFKA_[A-Z0-9_]+):\\s*\"?([^\"#]*?)\"?\\s*(#.*)?$");

    @Test
    void composeBrokerSetsEverySingleNodeDefault() throws IOException {
        Map<String, String> compose = kafkaVariables(Path.of("../../docker-compose.yml"));

        Map<String, String> expected = new LinkedHashMap<>();
        BrokerDefaults.singleNode().forEach((key, value) -> expected.put(variable(key), value));

        assertThat(compose).containsAllEntriesOf(expected);
    }

    @Test
    void variableNamesFollowTheImagesRules() {
        assertThat(variable("group.coordinator.append.linger.ms"))
                .isEqualTo("KAFKA_GROUP_COORDINATOR_APPEND_LINGER_MS");
        assertThat(variable("listener.name.internal.scram-sha-512.sasl.jaas.config"))
                .isEqualTo("KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG");
    }

    /** The apache/kafka image's rule: '.' is '_', '_' is '__', '-' is '___'. */
    static String variable(String property) {
        return "KAFKA_"
                + property.replace("_", "__")
                        .replace("-", "___")
                        .replace(".", "_")
                        .toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> kafkaVariables(Path compose) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(compose)) {
            Matcher matcher = VARIABLE.matcher(line);
            if (matcher.matches()) {
                variables.put(matcher.group(1), matcher.group(2).trim());
            }
        }
        return variables;
    }
}
