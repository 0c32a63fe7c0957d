package org.crossdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.crossdesk.events.Topics;
import org.junit.jupiter.api.Test;

@CrossdeskKafka
class FixturesTest {

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAnnotationPublishesTheSharedBrokerAndRegistry() {
        assertThat(System.getProperty(CrossdeskKafkaExtension.BOOTSTRAP_SERVERS_PROPERTY))
                .isEqualTo(KafkaFixture.bootstrapServers());
        assertThat(System.getProperty(CrossdeskKafkaExtension.SPRING_BOOTSTRAP_SERVERS_PROPERTY))
                .isEqualTo(KafkaFixture.bootstrapServers());
        assertThat(System.getProperty(CrossdeskKafkaExtension.REGISTRY_URL_PROPERTY))
                .isEqualTo(RegistryFixture.url());
        assertThat(System.getProperty(CrossdeskKafkaExtension.PLATFORM_REGISTRY_URL_PROPERTY))
                .isEqualTo(RegistryFixture.url());
    }

    @Test
    void thereIsOneBrokerAndOneRegistryPerJvm() {
        assertThat(KafkaFixture.bootstrapServers()).isEqualTo(KafkaFixture.bootstrapServers());
        assertThat(RegistryFixture.url()).isEqualTo(RegistryFixture.url());
    }

    @Test
    void theRegistryServesSchemasStoredOnTheSharedBroker() throws Exception {
        String subject = "fixtures-" + System.nanoTime() + "-value";
        HttpResponse<String> registered =
                send(HttpRequest.newBuilder(URI.create(RegistryFixture.url() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
                        .build());
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(TopicProbe.of(Topics.SCHEMAS).awaitRecord(r -> new String(r.key()).contains(subject)))
                .isNotNull();
    }
}
