package org.crossdesk.schemaregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST client against a real local HTTP server answering from a script. */
class RestSchemaRegistryClientTest {

    private static final Schema RECORD = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"Referral\",\"namespace\":\"org.example\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

    private final ScriptedRegistry registry = new ScriptedRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    /** Fast retries so that the retry tests take milliseconds. */
    private static Map<String, Object> fast(Object... more) {
        Map<String, Object> config = new HashMap<>();
        config.put("max.retries", 3);
        config.put("retries.wait.ms", 10);
        config.put("retries.max.wait.ms", 40);
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private RestSchemaRegistryClient client(Object... config) {
        return new RestSchemaRegistryClient(registry.url(), fast(config));
    }

    // ---------------------------------------------------------------- URLs and paths

    @Test
    void appendsPathsToTheBaseUrlsPathPrefixInsteadOfReplacingIt() {
        try (ScriptedRegistry apicurio = new ScriptedRegistry("/apis/ccompat/v7")) {
            apicurio.enqueue(Reply.json(200, "[\"AVRO\"]"), Reply.json(200, "{\"id\":4}"));
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(apicurio.url() + "/", fast());

            assertThat(client.getSchemaTypes()).containsExactly("AVRO");
            assertThat(client.register("orders-value", RECORD)).isEqualTo(4);

            assertThat(apicurio.requests())
                    .extracting(ScriptedRegistry.Request::rawPath)
                    .containsExactly(
                            "/apis/ccompat/v7/schemas/types", "/apis/ccompat/v7/subjects/orders-value/versions");
        }
    }

    @Test
    void percentEncodesSubjectsAsOnePathSegmentAndInQueries() {
        registry.enqueue(Reply.json(200, "{\"id\":1}"), Reply.json(200, "{\"schema\":\"\\\"string\\\"\"}"));
        RestSchemaRegistryClient client = client();

        client.register("desk:DE-BKA/outbox value", RECORD);
        client.getById(1, "a&b=c");

        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/desk%3ADE-BKA%2Foutbox%20value/versions");
        assertThat(registry.requests().get(1).pathAndQuery()).isEqualTo("/schemas/ids/1?subject=a%26b%3Dc");
    }

    @Test
    void sendsTheRegistryMediaTypesAndConfiguredHeaders() {
        registry.enqueue(Reply.json(200, "{\"id\":1}"));
        client("request.header.X-Desk", "FR-OCRTIS").register("s", RECORD);

        ScriptedRegistry.Request sent = registry.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(sent.header("Accept"))
                .startsWith("application/vnd.schemaregistry.v1+json")
                .contains("application/vnd.schemaregistry+json", "application/json");
        assertThat(sent.header("Confluent-Accept-Unknown-Properties")).isEqualTo("true");
        assertThat(sent.header("X-Desk")).isEqualTo("FR-OCRTIS");
        assertThat(sent.header("Authorization")).isNull();
        // Avro is the default type; old registries don't know the field, so it is left out.
        assertThat(sent.body()).isEqualTo("{\"schema\":" + jsonString(RECORD.toString()) + "}");
    }

    @Test
    void sendsNonAvroSchemaTypesAndReferences() {
        registry.enqueue(Reply.json(200, "{\"id\":9}"));
        SchemaDefinition proto = new SchemaDefinition(
                "syntax = \"proto3\";", "PROTOBUF", List.of(new SchemaReference("other.proto", "other-value", 2)));

        assertThat(client().register("s", proto, true).id()).isEqualTo(9);

        assertThat(registry.lastRequest().pathAndQuery()).isEqualTo("/subjects/s/versions?normalize=true");
        assertThat(registry.lastRequest().body())
                .isEqualTo("{\"schema\":\"syntax = \\\"proto3\\\";\","
                        + "\"schemaType\":\"PROTOBUF\",\"references\":[{\"name\":\"other.proto\",\"subject\":\"other-value\","
                        + "\"version\":2}]}");
    }

    // ---------------------------------------------------------------- failover and retries

    @Test
    void failsOverToTheNextUrlWhenTheFirstRefusesConnectionsAndStaysThere() {
        registry.otherwise(r -> Reply.json(200, "[\"AVRO\"]"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                ScriptedRegistry.refusingUrl() + "," + registry.url(), fast("max.retries", 0));

        assertThat(client.getSchemaTypes()).containsExactly("AVRO");
        assertThat(client.getSchemaTypes()).containsExactly("AVRO");

        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void resendsAtOnceWhenTheServerDropsTheConnectionWithoutAnswering() {
        registry.enqueue(Reply.drop(), Reply.json(200, "{\"id\":8}"));

        assertThat(client("max.retries", 0).register("s", RECORD)).isEqualTo(8);

        assertThat(registry.requests()).hasSize(2);
        assertThat(registry.requests().get(1).body())
                .isEqualTo(registry.requests().get(0).body());
    }

    @Test
    void resendsOnlyOnceAfterADroppedConnection() {
        registry.otherwise(r -> Reply.drop());

        // A POST: the JDK client re-sends idempotent GETs on its own, which would double the count.
        SchemaRegistryUnavailableException e = catchThrowableOfType(
                SchemaRegistryUnavailableException.class,
                () -> client("max.retries", 1).register("s", RECORD));

        assertThat(e.attempts()).as("1 resend + 1 try + 1 retry").isEqualTo(3);
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void givesUpWithAnUnavailableErrorWhenNoUrlAnswers() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                List.of(ScriptedRegistry.refusingUrl(), ScriptedRegistry.refusingUrl()), fast("max.retries", 2));

        SchemaRegistryUnavailableException e =
                catchThrowableOfType(SchemaRegistryUnavailableException.class, client::getSchemaTypes);

        assertThat(e.status()).isEqualTo(-1);
        assertThat(e.attempts()).as("2 URLs x (1 try + 2 retries)").isEqualTo(6);
        assertThat(e.getMessage()).contains("No schema registry URL answered GET /schemas/types");
    }

    @Test
    void retriesA503WithGrowingBackoffThenSucceeds() {
        registry.enqueue(Reply.error(503, 503, "busy"), Reply.error(503, 503, "busy"), Reply.json(200, "[\"AVRO\"]"));
        RestSchemaRegistryClient client = client("retries.wait.ms", 100, "retries.max.wait.ms", 1000);

        assertThat(client.getSchemaTypes()).containsExactly("AVRO");

        List<ScriptedRegistry.Request> seen = registry.requests();
        assertThat(seen).hasSize(3);
        // Kafka's back-off: retry n waits wait * 2^n within 20 %, so at least 80 % of it.
        assertThat(gapMillis(seen.get(0), seen.get(1))).isGreaterThanOrEqualTo(80);
        assertThat(gapMillis(seen.get(1), seen.get(2))).isGreaterThanOrEqualTo(160);
    }

    @Test
    void retriesA429AfterBackingOffThenSucceeds() {
        registry.enqueue(Reply.error(429, 429, "slow down"), Reply.json(200, "{\"id\":3}"));

        assertThat(client("retries.wait.ms", 100, "retries.max.wait.ms", 1000).register("s", RECORD))
                .isEqualTo(3);

        assertThat(registry.requests()).hasSize(2);
        assertThat(gapMillis(registry.requests().get(0), registry.requests().get(1)))
                .isGreaterThanOrEqualTo(80);
    }

    @Test
    void honoursRetryAfterUpToTheMaximumWait() {
        registry.enqueue(
                Reply.error(429, 429, "slow down").withHeader("Retry-After", "1"), Reply.json(200, "[\"AVRO\"]"));

        client("retries.wait.ms", 1, "retries.max.wait.ms", 400).getSchemaTypes();

        assertThat(gapMillis(registry.requests().get(0), registry.requests().get(1)))
                .isGreaterThanOrEqualTo(390);
    }

    @Test
    void anHtmlBadGatewayBecomesARetryableErrorWithCode50005OnceRetriesAreExhausted() {
        registry.otherwise(r -> Reply.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));

        SchemaRegistryUnavailableException e = catchThrowableOfType(
                SchemaRegistryUnavailableException.class,
                () -> client("max.retries", 2).getSchemaTypes());

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.errorCode()).isEqualTo(50005);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("502 Bad Gateway");
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void aReadTimeoutCountsAsANetworkFailure() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        registry.otherwise(r -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(200, "[\"AVRO\"]");
        });
        try {
            SchemaRegistryUnavailableException e = catchThrowableOfType(
                    SchemaRegistryUnavailableException.class,
                    () -> client("http.read.timeout.ms", 150, "max.retries", 1).getSchemaTypes());
            assertThat(e.status()).isEqualTo(-1);
            assertThat(e.attempts()).isEqualTo(2);
        } finally {
            release.countDown();
        }
    }

    // ---------------------------------------------------------------- error classification

    @ParameterizedTest
    @ValueSource(ints = {409, 40901})
    void a409IsAnIncompatibleSchemaWhicheverCodeTheServerVersionUses(int errorCode) {
        registry.enqueue(Reply.error(
                409,
                errorCode,
                "Schema being registered is incompatible with an earlier schema for subject \\\"s\\\""));

        IncompatibleSchemaException e =
                catchThrowableOfType(IncompatibleSchemaException.class, () -> client().register("s", RECORD));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.registryMessage()).startsWith("Schema being registered is incompatible");
        assertThat(registry.requestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void anAssociationConflictIsNotReportedAsIncompatible() {
        registry.enqueue(Reply.error(409, 40903, "Association already exists"));

        assertThatThrownBy(() -> client().register("s", RECORD))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("error_code 40903");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void authFailuresAreTypedAndNotRetried(int status) {
        registry.enqueue(Reply.error(status, status, "Unauthorized"));

        SchemaRegistryAuthException e =
                catchThrowableOfType(SchemaRegistryAuthException.class, () -> client().getAllSubjects());

        assertThat(e.status()).isEqualTo(status);
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void a422IsAnInvalidRequest() {
        registry.enqueue(Reply.error(422, 42201, "Invalid schema"));

        SchemaRegistryInvalidRequestException e =
                catchThrowableOfType(SchemaRegistryInvalidRequestException.class, () -> client().register("s", RECORD));

        assertThat(e.errorCode()).isEqualTo(SchemaRegistryInvalidRequestException.INVALID_SCHEMA);
        assertThat(e.getMessage()).isEqualTo("Invalid schema (HTTP 422, error_code 42201)");
    }

    @Test
    void understandsRedpandasErrorBody() {
        registry.enqueue(Reply.json(404, "{\"message\":\"Not found\",\"code\":404}"));

        SchemaRegistryNotFoundException e =
                catchThrowableOfType(SchemaRegistryNotFoundException.class, () -> client().getSchemaTypes());

        assertThat(e.errorCode()).isEqualTo(404);
        assertThat(e.registryMessage()).isEqualTo("Not found");
    }

    @Test
    void notFoundCarriesTheRefinedCode() {
        registry.enqueue(Reply.error(404, 40403, "Schema 12 not found"));

        SchemaRegistryNotFoundException e =
                catchThrowableOfType(SchemaRegistryNotFoundException.class, () -> client().getSchemaById(12));

        assertThat(e.isSchemaNotFound()).isTrue();
        assertThat(e.isSubjectNotFound()).isFalse();
    }

    // ---------------------------------------------------------------- JSON tolerance

    @Test
    void ignoresUnknownResponsePropertiesOfNewerServers() {
        registry.enqueue(
                Reply.json(
                        200,
                        "{\"id\":5,\"version\":2,\"schemaType\":\"AVRO\",\"guid\":\"0b3e\","
                                + "\"ts\":1715000000000,\"deleted\":false,\"compatibility\":\"BACKWARD\","
                                + "\"ruleSet\":{\"domainRules\":[{\"name\":\"r\"}]},\"metadata\":{\"properties\":{\"owner\":\"x\"}}}"));

        RegisteredSchema answer = client().register("s", SchemaDefinition.avro(RECORD), false);

        assertThat(answer.id()).isEqualTo(5);
        assertThat(answer.version()).isEqualTo(2);
    }

    @Test
    void acceptsSchemaTypeAbsentOrPresent() {
        String text = jsonString(RECORD.toString());
        registry.enqueue(
                Reply.json(200, "{\"schema\":" + text + "}"),
                Reply.json(200, "{\"schema\":" + text + ",\"schemaType\":\"AVRO\",\"subject\":\"s\",\"version\":1}"));
        RestSchemaRegistryClient client = client();

        assertThat(client.getSchemaById(1)).isEqualTo(RECORD);
        assertThat(client.getSchemaById(1)).isEqualTo(RECORD);
    }

    @Test
    void refusesToParseANonAvroSchemaAsAvro() {
        registry.enqueue(Reply.json(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"));

        assertThatThrownBy(() -> client().getSchemaById(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void resolvesReferencesBeforeParsingTheMainSchema() {
        String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"org.example\","
                + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
        String person = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"org.example\","
                + "\"fields\":[{\"name\":\"home\",\"type\":\"org.example.Address\"}]}";
        registry.enqueue(
                Reply.json(
                        200,
                        "{\"schema\":" + jsonString(person) + ",\"references\":[{\"name\":\"org.example.Address\","
                                + "\"subject\":\"address\",\"version\":3}]}"),
                Reply.json(
                        200,
                        "{\"subject\":\"address\",\"version\":3,\"id\":2,\"schema\":" + jsonString(address) + "}"));

        Schema parsed = client().getSchemaById(10);

        assertThat(parsed.getField("home").schema().getField("city")).isNotNull();
        assertThat(registry.requests().get(1).rawPath()).isEqualTo("/subjects/address/versions/3");
    }

    // ---------------------------------------------------------------- auth

    @Test
    void sendsBasicAuthFromUserInfo() {
        registry.enqueue(Reply.json(200, "[]"));

        client("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "desk:s3cr3t:x")
                .getAllSubjects();

        assertThat(registry.lastRequest().header("Authorization")).isEqualTo("Basic " + base64("desk:s3cr3t:x"));
    }

    @Test
    void acceptsClientKeysWithTheSchemaRegistryPrefix() {
        registry.enqueue(Reply.json(200, "[]"));

        client(
                        "schema.registry.basic.auth.credentials.source",
                        "USER_INFO",
                        "schema.registry.basic.auth.user.info",
                        "desk:pw")
                .getAllSubjects();

        assertThat(registry.lastRequest().header("Authorization")).isEqualTo("Basic " + base64("desk:pw"));
    }

    @Test
    void inheritsTheKafkaClientsSaslLoginAsConfluentsClientsDo() {
        registry.enqueue(Reply.json(200, "[]"));

        client(
                        "basic.auth.credentials.source",
                        "SASL_INHERIT",
                        "sasl.jaas.config",
                        new Password("org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"desk-FR-OCRTIS\" password=\"k4fka-s3cret\";"))
                .getAllSubjects();

        assertThat(registry.lastRequest().header("Authorization"))
                .isEqualTo("Basic " + base64("desk-FR-OCRTIS:k4fka-s3cret"));
    }

    @Test
    void sendsBasicAuthFromTheUrlAndStripsItFromTheRequest() {
        registry.enqueue(Reply.json(200, "[]"));
        String withUser = registry.url().replace("http://", "http://desk%40pol:p%3Ass@");
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(withUser, fast("basic.auth.credentials.source", "URL"));

        client.getAllSubjects();

        assertThat(registry.lastRequest().header("Authorization")).isEqualTo("Basic " + base64("desk@pol:p:ss"));
        assertThat(client.baseUrls()).containsExactly(registry.url());
    }

    @Test
    void attachesNoBasicAuthUnlessTheSourceIsConfigured() {
        registry.enqueue(Reply.json(200, "[]"));

        client("basic.auth.user.info", "desk:pw").getAllSubjects();

        assertThat(registry.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void sendsAStaticBearerTokenAndConfluentCloudHeaders() {
        registry.enqueue(Reply.json(200, "[]"));

        client(
                        "bearer.auth.credentials.source",
                        "STATIC_TOKEN",
                        "bearer.auth.token",
                        "tok-123",
                        "bearer.auth.logical.cluster",
                        "lsrc-1",
                        "bearer.auth.identity.pool.id",
                        "pool-9")
                .getAllSubjects();

        ScriptedRegistry.Request sent = registry.lastRequest();
        assertThat(sent.header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(sent.header("target-sr-cluster")).isEqualTo("lsrc-1");
        assertThat(sent.header("Confluent-Identity-Pool-Id")).isEqualTo("pool-9");
    }

    @Test
    void basicAndBearerTogetherIsAConfigurationError() {
        assertThatThrownBy(() -> client(
                        "basic.auth.credentials.source",
                        "USER_INFO",
                        "basic.auth.user.info",
                        "a:b",
                        "bearer.auth.credentials.source",
                        "STATIC_TOKEN",
                        "bearer.auth.token",
                        "t"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("bearer.auth.credentials.source");
    }

    @Test
    void rejectsUnusableSettingsAtConstruction() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new RestSchemaRegistryClient("ftp://h", Map.of()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> client("basic.auth.credentials.source", "SASL_INHERIT"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sasl.jaas.config");
        assertThatThrownBy(() -> client(
                        "basic.auth.credentials.source",
                        "SASL_INHERIT",
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"pw-only\";"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("username and password")
                .message()
                .doesNotContain("pw-only");
        assertThatThrownBy(() -> client("basic.auth.credentials.source", "KERBEROS"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("USER_INFO");
        assertThatThrownBy(() -> client("bearer.auth.credentials.source", "OAUTHBEARER"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STATIC_TOKEN");
        assertThatThrownBy(() -> client("request.header.Host", "evil")).isInstanceOf(ConfigException.class);
    }

    private static long gapMillis(ScriptedRegistry.Request first, ScriptedRegistry.Request second) {
        return Duration.ofNanos(second.receivedNanos() - first.receivedNanos()).toMillis();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
