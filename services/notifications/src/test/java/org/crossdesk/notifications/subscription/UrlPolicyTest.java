package org.crossdesk.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.crossdesk.notifications.egress.EgressPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "cases.bka.example.de" ->
                new InetAddress[] {InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34})};
            case "intranet.example" -> new InetAddress[] {InetAddress.getByAddress(new byte[] {10, 1, 2, 3})};
            default -> {
                if (!host.matches("[0-9.:a-fA-F]+")) {
                    throw new UnknownHostException(host);
                }
                yield InetAddress.getAllByName(host); // an IP literal: no DNS involved
            }
        };
    }

    private final UrlPolicy strict = new UrlPolicy(new EgressPolicy(false, false, UrlPolicyTest::resolve));
    private final UrlPolicy lenient = new UrlPolicy(new EgressPolicy(true, true, UrlPolicyTest::resolve));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://cases.bka.example.de/hook",
                "https://cases.bka.example.de:8443/a?b=c",
                "HTTPS://cases.bka.example.de"
            })
    void publicHttpsUrlsAreAccepted(String url) {
        assertThat(strict.problemWith(url)).isEmpty();
    }

    @Test
    void plainHttpOnlyWhereInsecureHttpIsAllowed() {
        assertThat(strict.problemWith("http://cases.bka.example.de:8080/a"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("https", "allow-insecure-http"));
        assertThat(lenient.problemWith("http://cases.bka.example.de:8080/a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://cases.bka.example.de/x",
                "/relative/path",
                "mailto:duty@bka.example.de",
                "https://user:pw@cases.bka.example.de/x",
                "https://cases.bka.example.de/x#frag",
                "https:///no-host",
                "not a url",
                ""
            })
    void malformedOrUnsafeUrlsAreRejectedWhateverTheAddressPolicy(String url) {
        assertThat(lenient.problemWith(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1:9000/x",
                "https://[::1]/x",
                "https://intranet.example/x",
                "https://192.168.1.10/",
                "https://[::ffff:10.0.0.1]/"
            })
    void loopbackAndPrivateAddressesAreRejectedUnlessAllowed(String url) {
        assertThat(strict.problemWith(url))
                .hasValueSatisfying(problem -> assertThat(problem).contains("private"));
        assertThat(lenient.problemWith(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/",
                "http://0.0.0.0/",
                "https://[::ffff:169.254.169.254]/latest/meta-data",
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://100.64.1.1/"
            })
    void cloudMetadataAndOtherInternalAddressesAreRejectedEvenWherePrivateOnesAreAllowed(String url) {
        assertThat(lenient.problemWith(url))
                .hasValueSatisfying(problem -> assertThat(problem).contains("never"));
    }

    @Test
    void anUnresolvableHostIsReported() {
        assertThat(strict.problemWith("https://nowhere.invalid/x"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("does not resolve"));
    }
}
