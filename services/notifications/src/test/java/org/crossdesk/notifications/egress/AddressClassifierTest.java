package org.crossdesk.notifications.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.crossdesk.notifications.egress.AddressClassifier.Classification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    /** An IP literal; never DNS. */
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /**
     * The 16 bytes of an IPv6 literal kept as an Inet6Address: Java turns an IPv4-mapped literal into an
     * Inet4Address when it parses one, but an address from a resolver or a socket may arrive as 16 bytes.
     */
    private static InetAddress raw6(String literal) throws Exception {
        byte[] parsed = InetAddress.getByName(literal).getAddress();
        byte[] bytes = parsed;
        if (parsed.length == 4) { // Java unwrapped an IPv4-mapped literal: wrap it again
            bytes = new byte[16];
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(parsed, 0, bytes, 12, 4);
        }
        return Inet6Address.getByAddress(null, bytes, null);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4, at both edges of each range
        "0.0.0.0, THIS_NETWORK",
        "0.255.255.255, THIS_NETWORK",
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "169.254.169.254, LINK_LOCAL",
        "169.254.0.0, LINK_LOCAL",
        "169.254.255.255, LINK_LOCAL",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.0.1, PRIVATE",
        "192.168.255.255, PRIVATE",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "198.18.0.1, BENCHMARKING",
        "198.19.255.255, BENCHMARKING",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        // their public neighbours
        "9.255.255.255, PUBLIC",
        "11.0.0.0, PUBLIC",
        "126.255.255.255, PUBLIC",
        "128.0.0.0, PUBLIC",
        "169.253.255.255, PUBLIC",
        "169.255.0.0, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.0, PUBLIC",
        "192.167.255.255, PUBLIC",
        "192.169.0.0, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.0, PUBLIC",
        "198.17.255.255, PUBLIC",
        "198.20.0.0, PUBLIC",
        "223.255.255.255, PUBLIC",
        "93.184.216.34, PUBLIC",
        // IPv6
        "::, THIS_NETWORK",
        "::1, LOOPBACK",
        "fe80::1, LINK_LOCAL",
        "febf:ffff::1, LINK_LOCAL",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456:789a::1, UNIQUE_LOCAL",
        "fec0::1, UNIQUE_LOCAL",
        "ff02::1, MULTICAST",
        "ff0e::1, MULTICAST",
        "100::1, RESERVED",
        "3fff:ffff::1, PUBLIC",
        "4000::1, RESERVED",
        "2001:db8::1, PUBLIC",
        "2a00:1450:4001:81b::200e, PUBLIC",
        "64:ff9b:1::a9fe:a9fe, RESERVED"
    })
    void eachRangeIsRecognised(String literal, AddressRange expected) throws Exception {
        assertThat(AddressClassifier.classify(ip(literal)).range()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms are what they embed
        "::ffff:169.254.169.254, LINK_LOCAL, IPv4-mapped",
        "::ffff:127.0.0.1, LOOPBACK, IPv4-mapped",
        "::ffff:10.1.2.3, PRIVATE, IPv4-mapped",
        "::ffff:100.64.0.1, SHARED, IPv4-mapped",
        "::ffff:0.0.0.0, THIS_NETWORK, IPv4-mapped",
        "::ffff:198.18.0.1, BENCHMARKING, IPv4-mapped",
        "::ffff:224.0.0.1, MULTICAST, IPv4-mapped",
        "::ffff:93.184.216.34, PUBLIC, IPv4-mapped",
        "::169.254.169.254, LINK_LOCAL, IPv4-compatible",
        "::192.168.1.1, PRIVATE, IPv4-compatible",
        "::127.0.0.1, LOOPBACK, IPv4-compatible",
        "::0.0.0.2, THIS_NETWORK, IPv4-compatible",
        "64:ff9b::169.254.169.254, LINK_LOCAL, NAT64",
        "64:ff9b::10.0.0.1, PRIVATE, NAT64",
        "64:ff9b::127.0.0.1, LOOPBACK, NAT64",
        "64:ff9b::172.16.0.1, PRIVATE, NAT64",
        "64:ff9b::93.184.216.34, PUBLIC, NAT64",
        "2002:a9fe:a9fe::1, LINK_LOCAL, 6to4",
        "2002:c0a8:0101::1, PRIVATE, 6to4",
        "2002:5db8:d822::1, PUBLIC, 6to4"
    })
    void anIpv6FormOfAnIpv4AddressIsWhatItEmbeds(String literal, AddressRange expected, String form) throws Exception {
        Classification classification = AddressClassifier.classify(raw6(literal));
        assertThat(classification.range()).isEqualTo(expected);
        assertThat(classification.form()).isEqualTo(form);
        assertThat(classification.embedded()).isNotNull();
        assertThat(classification.describe())
                .contains(form + " form of " + classification.embedded().getHostAddress());
        // As Java parses a mapped literal (to an Inet4Address), it is classified alike.
        assertThat(AddressClassifier.classify(ip(literal)).range()).isEqualTo(expected);
    }
}
