package org.crossdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the benchmarks decide whether, and as whom, they authenticate, from a stack's data directory. */
class BenchStackTest {

    @TempDir
    Path state;

    @Test
    void aDataDirectoryWithoutTheAdminsSecretIsAnInsecureStackAndIsLeftUntouched() {
        Path data = state.resolve("data");

        BenchStack stack = BenchStack.ofDataDir(data);

        assertThat(stack.secured()).isFalse();
        assertThat(stack.kafkaProperties()).isEmpty();
        assertThat(stack.registryProperties()).isEmpty();
        assertThat(stack.kafka("127.0.0.1:9092")).containsOnly(Map.entry("bootstrap.servers", "127.0.0.1:9092"));
        assertThat(data).doesNotExist();
    }

    @Test
    void theAdminsSecretMakesEveryClientAuthenticateAsTheAdmin() throws Exception {
        Path data = writeAdminSecret("s3cret");

        BenchStack stack = BenchStack.ofDataDir(data);

        assertThat(stack.secured()).isTrue();
        assertThat(stack.kafka("127.0.0.1:9092"))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) stack.kafka("x").get("sasl.jaas.config"))
                .contains("username=\"admin\"", "password=\"s3cret\"");
        assertThat(stack.registry("http://127.0.0.1:8081"))
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "admin:s3cret");
        assertThat(stack.clientSettings("b", "http://r").serde()).containsEntry("basic.auth.user.info", "admin:s3cret");
        assertThat(stack.describe()).startsWith("secured").doesNotContain("s3cret");
    }

    @Test
    void aBrokerLastStartedInsecureOverSecuredDataIsReachedInPlaintext() throws Exception {
        Path data = writeAdminSecret("s3cret");
        Files.createDirectories(state.resolve("run"));
        Files.writeString(
                state.resolve("run").resolve("server.properties"),
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n");

        assertThat(BenchStack.ofDataDir(data).secured()).isFalse();
    }

    @Test
    void theClientPropertiesFileIsOwnerOnlyAndReadsBackForKafkasTools() throws Exception {
        BenchStack stack = BenchStack.ofDataDir(writeAdminSecret("pa\"ss=wo:rd"));

        Path file = stack.writeClientProperties(state.resolve("client.properties"), "127.0.0.1:9092");

        assertThat(BenchStack.readClientProperties(file)).isEqualTo(stack.kafka("127.0.0.1:9092"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private Path writeAdminSecret(String secret) throws Exception {
        Path secrets = Files.createDirectories(state.resolve("data").resolve("secrets"));
        Files.writeString(secrets.resolve("admin"), secret + "\n");
        return state.resolve("data");
    }
}
