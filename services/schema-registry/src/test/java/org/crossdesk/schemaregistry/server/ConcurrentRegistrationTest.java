package org.crossdesk.schemaregistry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.crossdesk.schemaregistry.http.RegistryHttp;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 20 registrations released at once: one schema gets one id, distinct schemas get gapless versions. */
class ConcurrentRegistrationTest {

    private static final int PARALLEL = 20;
    private static EmbeddedSchemaRegistry registry;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(
                KafkaFixture.bootstrapServers(),
                Map.of("crossdesk.schema-registry.topic", "_schemas-concurrency-" + UUID.randomUUID()));
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        registry.close();
    }

    private static String schema(String name, int field) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"f" + field + "\",\"type\":\"int\",\"default\":" + field + "}]}";
    }

    /** Runs {@code PARALLEL} registrations that all start at the same moment. */
    private static List<JsonNode> registerAtOnce(IntFunction<String> subject, IntFunction<String> schema)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                go.await();
                return new RegistryHttp(registry.url())
                        .post("/subjects/" + subject.apply(n) + "/versions", schemaBody(schema.apply(n)));
            }));
        }
        go.countDown();
        List<JsonNode> bodies = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            Reply answered = reply.get();
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            bodies.add(answered.json());
        }
        return bodies;
    }

    @Test
    void theSameSchemaRegisteredTwentyTimesAtOnceGetsOneIdAndOneVersion() throws Exception {
        List<JsonNode> answers = registerAtOnce(n -> "same-value", n -> schema("Same", 0));
        assertThat(answers.stream().map(a -> a.get("id").intValue()).distinct()).hasSize(1);
        assertThat(answers.stream().map(a -> a.get("version").intValue()).distinct())
                .containsExactly(1);
        assertThat(new RegistryHttp(registry.url())
                        .get("/subjects/same-value/versions")
                        .body())
                .isEqualTo("[1]");
    }

    @Test
    void theSameNewSchemaUnderTwentySubjectsAtOnceGetsOneId() throws Exception {
        List<JsonNode> answers = registerAtOnce(n -> "spread-" + n + "-value", n -> schema("Spread", 0));
        assertThat(answers.stream().map(a -> a.get("id").intValue()).distinct()).hasSize(1);
    }

    @Test
    void twentyDistinctCompatibleSchemasAtOnceGetTwentyGaplessVersionsAndIds() throws Exception {
        List<JsonNode> answers = registerAtOnce(n -> "many-value", n -> schema("Many", n));
        assertThat(answers.stream().map(a -> a.get("version").intValue()).sorted())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, PARALLEL).boxed().toList());
        assertThat(answers.stream().map(a -> a.get("id").intValue()).distinct()).hasSize(PARALLEL);
        JsonNode versions = new RegistryHttp(registry.url())
                .get("/subjects/many-value/versions")
                .json();
        assertThat(versions).hasSize(PARALLEL);
    }
}
