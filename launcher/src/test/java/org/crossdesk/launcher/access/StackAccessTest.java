package org.crossdesk.launcher.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a tool outside the launcher (a benchmark, {@code ./crossdesk dead-letters}) finds the admin's access. */
class StackAccessTest {

    @TempDir
    Path state;

    @Test
    void aDataDirectoryWithoutTheAdminsSecretGivesNoAccessAndIsLeftUntouched() {
        Path data = state.resolve("data");

        assertThat(StackAccess.ofDataDir(data)).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void theAdminsSecretGivesTheAdminsClientSettings() throws Exception {
        Path data = writeAdminSecret("s3cret");

        StackAccess access = StackAccess.ofDataDir(data).orElseThrow();

        assertThat(access.adminClientSettings("127.0.0.1:9092"))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) access.adminClientSettings("x").get("sasl.jaas.config"))
                .contains("username=\"admin\"", "password=\"s3cret\"");
        assertThat(data.resolve("secrets").toFile().list()).as("no secret made").containsExactly("admin");
    }

    @Test
    void aBrokerLastStartedInsecureOverSecuredDataGivesNoAccess() throws Exception {
        Path data = writeAdminSecret("s3cret");
        Files.createDirectories(state.resolve("run"));
        Files.writeString(
                state.resolve("run").resolve("server.properties"),
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n");

        assertThat(StackAccess.ofDataDir(data)).isEmpty();
    }

    private Path writeAdminSecret(String secret) throws Exception {
        Path secrets = Files.createDirectories(state.resolve("data").resolve("secrets"));
        Files.writeString(secrets.resolve("admin"), secret + "\n");
        return state.resolve("data");
    }
}
