package org.crossdesk.notifications.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

    private static final Map<String, String[]> DNS = Map.of(
            "cases.bka.example.de", new String[] {"93.184.216.34", "2a00:1450:4001:81b::200e"},
            "metadata.example.net", new String[] {"169.254.169.254"},
            "intranet.example", new String[] {"10.1.2.3"},
            "split.example.com", new String[] {"93.184.216.34", "10.0.0.7"},
            "mapped.example.com", new String[] {"::ffff:169.254.169.254"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = DNS.get(host);
        if (literals == null) {
            if (!host.matches("[0-9.:a-fA-F]+")) {
                throw new UnknownHostException(host);
            }
            literals = new String[] {host}; // an IP literal: no DNS involved
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    private final EgressPolicy strict = new EgressPolicy(false, false, EgressPolicyTest::resolve);
    private final EgressPolicy local = new EgressPolicy(true, true, EgressPolicyTest::resolve);

    @Test
    void httpsAlwaysAndPlainHttpOnlyWhereAllowed() {
        assertThat(strict.schemeProblem("https")).isEmpty();
        assertThat(strict.schemeProblem("HTTPS")).isEmpty();
        assertThat(strict.schemeProblem("http"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("https", "allow-insecure-http"));
        assertThat(local.schemeProblem("http")).isEmpty();
        assertThat(local.schemeProblem("ftp")).isPresent();
        assertThat(local.schemeProblem(null)).isPresent();
    }

    @Test
    void aPublicHostResolvesToAllItsAddresses() throws Exception {
        assertThat(strict.resolve("cases.bka.example.de")).hasSize(2);
        assertThat(strict.resolve("[2a00:1450:4001:81b::200e]")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "intranet.example", "192.168.1.10", "172.20.0.5"})
    void loopbackAndRfc1918AreRefusedUnlessPrivateAddressesAreAllowed(String host) throws Exception {
        assertThatThrownBy(() -> strict.resolve(host))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("allow-private-addresses=false");
        assertThat(local.resolve(host)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "metadata.example.net",
                "mapped.example.com",
                "[fe80::1]",
                "[::ffff:a9fe:a9fe]",
                "[64:ff9b::a9fe:a9fe]",
                "100.64.0.1",
                "0.0.0.0",
                "198.18.0.1",
                "224.0.0.1",
                "[fd00::1]",
                "[::]",
                "255.255.255.255"
            })
    void linkLocalAndTheOtherInternalRangesAreRefusedEvenWherePrivateAddressesAreAllowed(String host) {
        assertThatThrownBy(() -> local.resolve(host))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("never delivered");
        assertThat(local.addressProblem(host)).isPresent();
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefusedWhole() {
        assertThatThrownBy(() -> strict.resolve("split.example.com"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("split.example.com")
                .hasMessageContaining("10.0.0.7");
    }

    @Test
    void theRefusalNamesTheAddressItsRangeAndItsForm() {
        assertThat(local.addressProblem("metadata.example.net"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("'metadata.example.net' resolves to 169.254.169.254", "link-local", "metadata"));
        assertThat(local.addressProblem("[64:ff9b::a9fe:a9fe]"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("NAT64 form of 169.254.169.254", "link-local"));
        assertThat(strict.addressProblem("nowhere.invalid")).hasValue("host 'nowhere.invalid' does not resolve");
    }

    @ParameterizedTest
    @EnumSource(AddressRange.class)
    void onlyLoopbackAndRfc1918DependOnTheSetting(AddressRange range) {
        assertThat(range.deliverable(false)).isEqualTo(range == AddressRange.PUBLIC);
        assertThat(range.deliverable(true))
                .isEqualTo(range == AddressRange.PUBLIC
                        || range == AddressRange.LOOPBACK
                        || range == AddressRange.PRIVATE);
    }
}
