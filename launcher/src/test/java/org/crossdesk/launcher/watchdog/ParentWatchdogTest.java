package org.crossdesk.launcher.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM carrying the agent ends when the process it watches is killed outright. */
class ParentWatchdogTest {

    @TempDir
    Path dir;

    private Process parent;
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    private Process childWatching(long pid, Path output) throws Exception {
        Path agent = WatchdogJar.writeInto(dir);
        String classes = Path.of(Sleeper.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-javaagent:" + agent + "=" + pid,
                        "-Xmx32m",
                        "-cp",
                        classes,
                        Sleeper.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    @Test
    void theChildRunsItsShutdownHooksAndEndsWhenItsLauncherIsKilled() throws Exception {
        parent = new ProcessBuilder("sleep", "300").start();
        Path output = dir.resolve("child.log");
        child = childWatching(parent.pid(), output);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(output).contains("sleeping"));
        assertThat(child.isAlive()).isTrue();

        parent.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(Files.readString(output))
                .contains("launcher " + parent.pid() + " is gone")
                .contains("shutdown hook ran");
    }

    @Test
    void aChildWhoseLauncherIsAlreadyGoneDoesNotStart() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path output = dir.resolve("child.log");

        child = childWatching(gone.pid(), output);

        await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
        assertThat(Files.readString(output)).contains("is already gone").doesNotContain("sleeping");
    }

    @Test
    void theAgentJarHoldsOnlyTheWatchdog() throws IOException {
        Path agent = WatchdogJar.writeInto(dir);

        try (var jar = new JarFile(agent.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo(ParentWatchdog.class.getName());
            assertThat(jar.stream().map(ZipEntry::getName))
                    .containsExactly("META-INF/MANIFEST.MF", "org/crossdesk/launcher/watchdog/ParentWatchdog.class");
        }
    }
}
