package org.crossdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.KafkaCredentials;
import org.crossdesk.access.Principals;
import org.crossdesk.events.Party;
import org.crossdesk.events.Topics;
import org.crossdesk.launcher.services.Service;
import org.crossdesk.systemtests.harness.CrossdeskStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Need-to-know as Kafka and the registry enforce it on the launched stack, tried with ordinary clients: what a
 * desk's issued credential may and may not do, what nobody without one can do, and that a revoked or rotated
 * secret stops working. (The whole referral journey passing with every service on its least-privilege principal
 * is ReferralJourneyIT and KafkaNativeDeskIT on the same stack.)
 */
@ExtendWith(CrossdeskStack.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIT {

    private static final String DESK = "ES-CNP";
    private static final String OTHER_DESK = "DE-BKA";
    private static final Duration DENIAL = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CrossdeskStack stack;
    private KafkaCredentials desk;

    @BeforeAll
    void issue(CrossdeskStack stack) {
        this.stack = stack;
        this.desk = stack.directoryAdmin().issueCredential(DESK);
    }

    @Test
    void aClientWithoutCredentialsCannotEvenListTopics() {
        Map<String, Object> anonymous = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3_000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aWrongSecretFailsAuthentication() {
        KafkaCredentials wrong = new KafkaCredentials(desk.username(), KafkaCredentials.randomSecret());
        assertThat(authenticationFailure(wrong)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aDeskReadsItsOwnInboxInItsOwnGroup() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(desk, AccessPlan.deskPrefix(DESK) + "case-system")) {
            consumer.subscribe(List.of(Topics.deskInboxName(DESK)));
            await().atMost(DENIAL).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return consumer.assignment().size() == Topics.deskInbox(DESK).partitions();
            });
        }
    }

    @Test
    void aDeskCannotReadAnotherDesksInboxNorTheLifecycle() {
        for (String topic : List.of(Topics.deskInboxName(OTHER_DESK), Topics.REFERRALS_LIFECYCLE, Topics.AUDIT)) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(desk, null)) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                await().atMost(DENIAL)
                        .untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(500)))
                                .as(topic)
                                .isInstanceOf(TopicAuthorizationException.class));
            }
        }
    }

    @Test
    void aDeskCannotUseAnotherDesksGroupPrefix() {
        try (KafkaConsumer<byte[], byte[]> consumer =
                consumer(desk, AccessPlan.deskPrefix(OTHER_DESK) + "case-system")) {
            consumer.subscribe(List.of(Topics.deskInboxName(DESK)));
            await().atMost(DENIAL)
                    .untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(500)))
                            .isInstanceOf(GroupAuthorizationException.class));
        }
    }

    @Test
    void aDeskCannotWriteAnotherDesksOutboxNorItsOwnInbox() {
        try (KafkaProducer<byte[], byte[]> producer = producer(desk)) {
            for (String topic : List.of(
                    Topics.deskOutboxName(OTHER_DESK), Topics.deskInboxName(DESK), Topics.REFERRALS_LIFECYCLE)) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, new byte[] {0}))
                                .get())
                        .as(topic)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void onlyTheAuditorReadsTheAuditTrail() {
        KafkaCredentials auditor = stack.credentials(Principals.of(Party.AUDITOR));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(auditor, null)) {
            TopicPartition partition = new TopicPartition(Topics.AUDIT, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(DENIAL).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return consumer.position(partition) >= 0;
            });
        }
        KafkaCredentials dashboard = stack.credentials(Principals.of(Party.DASHBOARD));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(dashboard, null)) {
            consumer.assign(List.of(new TopicPartition(Topics.AUDIT, 0)));
            await().atMost(DENIAL)
                    .untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(500)))
                            .isInstanceOf(TopicAuthorizationException.class));
        }
    }

    @Test
    void aRotatedSecretStopsWorkingAndARevokedDeskIsRefused() {
        String rotating = "PT-PJ";
        KafkaCredentials first = stack.directoryAdmin().issueCredential(rotating);
        assertThat(authenticationFailure(first)).isNull();

        KafkaCredentials second = stack.directoryAdmin().issueCredential(rotating);
        await().atMost(DENIAL).until(() -> authenticationFailure(first) instanceof SaslAuthenticationException);
        assertThat(authenticationFailure(second)).isNull();

        assertThat(stack.directoryAdmin().revokeCredential(rotating)).isEqualTo(204);
        await().atMost(DENIAL).until(() -> authenticationFailure(second) instanceof SaslAuthenticationException);
    }

    @Test
    void theRegistryLetsDesksReadServicesRegisterAndOnlyTheAdminChangeConfig() throws Exception {
        String subject = Topics.deskOutboxName(DESK) + "-value";
        assertThat(registry("GET", "/subjects/" + subject + "/versions", null, null))
                .isEqualTo(401);
        assertThat(registry("PUT", "/config", null, "{\"compatibility\":\"NONE\"}"))
                .isEqualTo(401);
        assertThat(registry("PUT", "/config", desk, "{\"compatibility\":\"NONE\"}"))
                .isEqualTo(403);
        assertThat(registry("GET", "/subjects/" + subject + "/versions", desk, null))
                .isEqualTo(200);

        String schema = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"namespace\\\":"
                + "\\\"org.crossdesk.systemtests\\\",\\\"fields\\\":[]}\"}";
        assertThat(registry("POST", "/subjects/need-to-know-probe-value/versions", desk, schema))
                .isEqualTo(403);
        KafkaCredentials intake = stack.credentials(Principals.of(Party.INTAKE));
        assertThat(registry("POST", "/subjects/need-to-know-probe-value/versions", intake, schema))
                .isEqualTo(200);
        assertThat(registry("PUT", "/config/need-to-know-probe-value", intake, "{\"compatibility\":\"FULL\"}"))
                .isEqualTo(403);
        KafkaCredentials admin = stack.credentials(Principals.ADMIN);
        assertThat(registry("PUT", "/config/need-to-know-probe-value", admin, "{\"compatibility\":\"FULL\"}"))
                .isEqualTo(200);
        assertThat(registry("DELETE", "/subjects/need-to-know-probe-value", null, null))
                .isEqualTo(401);
    }

    /** The failure of an authenticated request made with these credentials, or null if it succeeded. */
    private Throwable authenticationFailure(KafkaCredentials credentials) {
        Map<String, Object> settings = new HashMap<>(stack.kafkaSettings(credentials));
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(settings)) {
            admin.describeCluster().clusterId().get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(KafkaCredentials credentials, String group) {
        Map<String, Object> settings = new HashMap<>(stack.kafkaSettings(credentials));
        if (group != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer(KafkaCredentials credentials) {
        Map<String, Object> settings = new HashMap<>(stack.kafkaSettings(credentials));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private int registry(String method, String path, KafkaCredentials credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(Service.SCHEMA_REGISTRY) + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            String userInfo = credentials.username() + ":" + credentials.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
