package org.crossdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashedCredentialsTest {

    @Test
    void entriesAreLinesOrSemicolonPartsWithCommentsAndBlanksLeftOut() {
        List<HashedCredentials.Entry> entries =
                HashedCredentials.parse("# the desks\nsha256:ab FR DESK FR  # Paris\n\n;ops ADMIN sha256:cd");

        assertThat(entries)
                .containsExactly(
                        new HashedCredentials.Entry(2, List.of("sha256:ab", "FR", "DESK", "FR")),
                        new HashedCredentials.Entry(5, List.of("ops", "ADMIN", "sha256:cd")));
    }

    @Test
    void aFileComesBeforeInlineEntries(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), "first A\n");

        assertThat(HashedCredentials.read(file, "second B"))
                .extracting(entry -> entry.fields().get(0))
                .containsExactly("first", "second");
        assertThat(HashedCredentials.read(null, null)).isEmpty();
    }

    @Test
    void aHashIsTheSha256OfTheSecretAndReadsBackToItsDigest() {
        String hash = HashedCredentials.hash("test");

        assertThat(hash).isEqualTo("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(HashedCredentials.isHash(hash)).isTrue();
        assertThat(HashedCredentials.digestOf(hash, "entry 1"))
                .isEqualTo(HexFormat.of().parseHex(hash.substring("sha256:".length())))
                .isEqualTo(HashedCredentials.sha256("test"));
    }

    @Test
    void aMalformedHashNamesTheEntryWithoutQuotingIt() {
        assertThatThrownBy(() -> HashedCredentials.digestOf("sha256:my-password", "API key entry 3"))
                .hasMessage("API key entry 3: a SHA-256 hash has 64 hex digits")
                .message()
                .doesNotContain("my-password");
        assertThatThrownBy(() -> HashedCredentials.digestOf("sha256:abcd", "entry 1"))
                .hasMessageContaining("64 hex digits");
    }
}
