package org.crossdesk.launcher.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.crossdesk.launcher.deadletters.DeadLetterOptions.Action;
import org.crossdesk.launcher.deadletters.DeadLetterOptions.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterOptionsTest {

    private static final String DLT = "desk.FR-OCRTIS.outbox.v1-dlt";

    private static DeadLetterOptions parse(String line) {
        return DeadLetterOptions.parse(line.isEmpty() ? List.of() : List.of(line.split(" ")));
    }

    @Test
    void listReachesTheLocalBrokerByDefault() {
        DeadLetterOptions options = parse("list");

        assertThat(options.action()).isEqualTo(Action.LIST);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.stateDir()).isEmpty();
    }

    @Test
    void showTakesATopicALimitAndAStartingPoint() {
        DeadLetterOptions options =
                parse("show " + DLT + " --limit 5 --partition 2 --offset 40 --bootstrap-servers=b:9093 --state-dir s");

        assertThat(options.action()).isEqualTo(Action.SHOW);
        assertThat(options.topic()).isEqualTo(DLT);
        assertThat(options.limit()).isEqualTo(5);
        assertThat(options.partition()).hasValue(2);
        assertThat(options.offset()).hasValue(40);
        assertThat(options.bootstrapServers()).isEqualTo("b:9093");
        assertThat(options.stateDir()).contains(Path.of("s"));
        assertThat(parse("show " + DLT).limit()).isEqualTo(DeadLetterOptions.DEFAULT_LIMIT);
    }

    @Test
    void redriveTakesOneRecordOrAll() {
        DeadLetterOptions one = parse("redrive " + DLT + " --partition 1 --offset 7");
        DeadLetterOptions all = parse("redrive " + DLT + " --all");

        assertThat(one.partition()).hasValue(1);
        assertThat(one.offset()).hasValue(7);
        assertThat(one.all()).isFalse();
        assertThat(all.all()).isTrue();
        assertThat(all.partition()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "purge",
                "show",
                "redrive " + DLT,
                "redrive " + DLT + " --partition 1",
                "redrive " + DLT + " --offset 1",
                "redrive " + DLT + " --all --partition 1 --offset 2",
                "redrive " + DLT + " --all --partition 1",
                "redrive desk.FR-OCRTIS.outbox.v1 --all",
                "show " + DLT + " --limit 0",
                "show " + DLT + " --limit 10001",
                "show " + DLT + " --offset 3",
                "show " + DLT + " --partition -1",
                "show " + DLT + " --all",
                "list --apply",
                "list " + DLT,
                "list --limit 3",
                "retention --all",
                "show " + DLT + " --limit",
                "list --frobnicate"
            })
    void aCommandLineThatCannotBeRunIsRefusedWithAReason(String line) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(UsageException.class).hasMessageNotContaining("null");
    }

    @Test
    void theReasonSaysWhatIsWrong() {
        assertThatThrownBy(() -> parse("redrive desk.FR-OCRTIS.outbox.v1 --all"))
                .hasMessageContaining("is not a dead-letter topic");
        assertThatThrownBy(() -> parse("redrive " + DLT))
                .hasMessageContaining("--partition P --offset O")
                .hasMessageContaining("--all");
        assertThatThrownBy(() -> parse("list --apply")).hasMessage("--apply does not apply to list");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(parse("--help").action()).isEqualTo(Action.HELP);
        assertThat(parse("redrive -h").action()).isEqualTo(Action.HELP);
        assertThat(DeadLetterOptions.USAGE).contains("list", "show TOPIC", "redrive TOPIC", "retention [--apply]");
    }
}
