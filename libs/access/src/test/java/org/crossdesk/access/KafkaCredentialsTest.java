package org.crossdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaCredentialsTest {

    private final KafkaCredentials issuer = new KafkaCredentials("svc-desk-access", "s3cret");

    @Test
    void overKeepsTheClustersProtocolAndTlsAndReplacesTheLogin() {
        Map<String, Object> routing = Map.of(
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "ssl.truststore.location", "/etc/crossdesk/truststore.p12",
                "sasl.jaas.config", "routing's own login");

        Map<String, Object> asIssuer = issuer.over(routing);

        assertThat(asIssuer)
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/crossdesk/truststore.p12")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) asIssuer.get("sasl.jaas.config"))
                .contains("svc-desk-access")
                .doesNotContain("routing's");
    }

    @Test
    void overAPlaintextClusterSettingUsesSaslPlaintext() {
        assertThat(issuer.over(Map.of("bootstrap.servers", "broker:9092")))
                .containsEntry("security.protocol", KafkaCredentials.SASL_PLAINTEXT);
    }
}
