package org.crossdesk.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretTest {

    @TempDir
    Path dir;

    @Test
    void isMadeOnceReadableOnlyByItsOwnerAndThenReused() throws Exception {
        Path file = dir.resolve("data").resolve("notifications-secret-key");

        String first = LocalSecret.base64(file, 32);
        String second = LocalSecret.base64(file, 32);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void eachDataDirectoryGetsItsOwnKey() {
        assertThat(LocalSecret.base64(dir.resolve("a/key"), 32))
                .isNotEqualTo(LocalSecret.base64(dir.resolve("b/key"), 32));
    }
}
