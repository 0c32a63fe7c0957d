package org.crossdesk.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path run;

    private Process leftover;

    @AfterEach
    void cleanUp() {
        if (leftover != null) {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aProcessLeftByAnEarlierRunIsStoppedAndItsFileRemoved() throws IOException {
        leftover = new ProcessBuilder("sleep", "300").start();
        new PidFiles(run).record("routing", leftover.toHandle());

        var reaped = new PidFiles(run).reapStale(Duration.ofSeconds(5));

        assertThat(reaped).containsExactly("routing");
        assertThat(leftover.isAlive()).isFalse();
        assertThat(run.resolve("routing.pid")).doesNotExist();
    }

    @Test
    void aReusedPidIsNotKilledBecauseItsStartTimeDiffers() throws IOException {
        long self = ProcessHandle.current().pid();
        Files.writeString(run.resolve("kafka.pid"), self + " 12345\n");

        var reaped = new PidFiles(run).reapStale(Duration.ofSeconds(5));

        assertThat(reaped).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(run.resolve("kafka.pid")).doesNotExist();
    }

    @Test
    void filesOfProcessesThatAreGoneAndGarbledFilesAreJustRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new PidFiles(run).record("intake", gone.toHandle());
        Files.writeString(run.resolve("dashboard.pid"), "not a pid");

        assertThat(new PidFiles(run).reapStale(Duration.ofSeconds(5))).isEmpty();
        try (var left = Files.list(run)) {
            assertThat(left).isEmpty();
        }
    }
}
