package org.crossdesk.schemaregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.crossdesk.schemaregistry.client.RestSchemaRegistryClientTest.jsonString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.Schema;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the cache saves: requests counted on a real local HTTP server. */
class CachedSchemaRegistryClientTest {

    private static final Schema V1 = record("Case", "id");
    private static final Schema V2 = record("Case", "id", "desk");

    private final ScriptedRegistry registry = new ScriptedRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    private CachedSchemaRegistryClient client(Object... config) {
        Map<String, Object> map = new HashMap<>();
        map.put("max.retries", 0);
        for (int i = 0; i < config.length; i += 2) {
            map.put((String) config[i], config[i + 1]);
        }
        return new CachedSchemaRegistryClient(registry.url(), 1000, map);
    }

    @Test
    void registersEachSchemaOncePerSubject() {
        AtomicInteger ids = new AtomicInteger(10);
        registry.otherwise(r -> Reply.json(200, "{\"id\":" + ids.incrementAndGet() + "}"));
        CachedSchemaRegistryClient client = client();

        int first = client.register("a-value", V1);
        assertThat(client.register("a-value", V1)).isEqualTo(first);
        assertThat(client.register("a-value", new Schema.Parser().parse(V1.toString())))
                .as("an equal schema object is the same key")
                .isEqualTo(first);
        client.register("b-value", V1);
        client.register("a-value", V2);

        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void aRegisteredSchemaResolvesByIdWithoutAskingTheRegistry() {
        registry.enqueue(Reply.json(200, "{\"id\":42}"));
        CachedSchemaRegistryClient client = client();

        int id = client.register("a-value", V1);

        assertThat(client.getSchemaById(id)).isSameAs(V1);
        assertThat(client.getById(id, null).schema()).isEqualTo(V1.toString());
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void fetchesEachIdOnceAndNeverAgain() {
        registry.otherwise(r -> Reply.json(200, "{\"schema\":" + jsonString(V2.toString()) + "}"));
        CachedSchemaRegistryClient client = client();

        for (int i = 0; i < 5; i++) {
            assertThat(client.getSchemaBySubjectAndId("a-value", 7)).isEqualTo(V2);
            assertThat(client.getSchemaById(7)).isEqualTo(V2);
        }

        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void looksUpEachSchemaOnce() {
        registry.otherwise(r -> Reply.json(
                200, "{\"subject\":\"a-value\",\"version\":2,\"id\":9,\"schema\":" + jsonString(V1.toString()) + "}"));
        CachedSchemaRegistryClient client = client();

        assertThat(client.getId("a-value", V1)).isEqualTo(9);
        assertThat(client.getVersion("a-value", V1)).isEqualTo(2);
        assertThat(client.getId("a-value", V1)).isEqualTo(9);
        assertThat(client.getSchemaById(9)).isSameAs(V1);

        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void remembersAnUnknownIdForTheMissTtl() {
        registry.otherwise(r -> Reply.error(404, 40403, "Schema 99 not found"));
        CachedSchemaRegistryClient client = client("missing.id.cache.ttl.sec", 60);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.getSchemaById(99))
                    .isInstanceOf(SchemaRegistryNotFoundException.class)
                    .hasMessageContaining("40403");
        }

        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void asksAgainForAnUnknownIdWhenMissesAreNotCached() {
        registry.otherwise(r -> Reply.error(404, 40403, "Schema 99 not found"));
        CachedSchemaRegistryClient client = client("missing.id.cache.ttl.sec", 0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.getSchemaById(99)).isInstanceOf(SchemaRegistryNotFoundException.class);
        }

        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void remembersAFailedLookupForTheMissTtl() {
        registry.otherwise(r -> Reply.error(404, 40403, "Schema not found"));
        CachedSchemaRegistryClient client = client("missing.schema.cache.ttl.sec", 60);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.getId("a-value", V1)).isInstanceOf(SchemaRegistryNotFoundException.class);
        }

        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void doesNotCacheOtherFailures() {
        registry.enqueue(Reply.error(422, 42201, "Invalid schema"), Reply.json(200, "{\"id\":3}"));
        CachedSchemaRegistryClient client = client();

        assertThatThrownBy(() -> client.register("a-value", V1))
                .isInstanceOf(SchemaRegistryInvalidRequestException.class);
        assertThat(client.register("a-value", V1)).isEqualTo(3);
    }

    @Test
    void deletingASubjectForgetsItsRegistrations() {
        registry.otherwise(r -> r.method().equals("DELETE") ? Reply.json(200, "[1]") : Reply.json(200, "{\"id\":3}"));
        CachedSchemaRegistryClient client = client();

        client.register("a-value", V1);
        client.deleteSubject("a-value", false);
        client.register("a-value", V1);

        assertThat(registry.requests())
                .extracting(ScriptedRegistry.Request::method)
                .containsExactly("POST", "DELETE", "POST");
    }

    @Test
    void passesChangeableAnswersThrough() {
        registry.otherwise(r -> Reply.json(
                200, "{\"subject\":\"a-value\",\"version\":1,\"id\":3,\"schema\":" + jsonString(V1.toString()) + "}"));
        CachedSchemaRegistryClient client = client();

        client.getLatestSchemaMetadata("a-value");
        client.getLatestSchemaMetadata("a-value");

        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void refusesMoreDistinctSchemasPerSubjectThanItsCapacity() {
        AtomicInteger ids = new AtomicInteger();
        registry.otherwise(r -> Reply.json(200, "{\"id\":" + ids.incrementAndGet() + "}"));
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(registry.url(), 2);

        client.register("a-value", V1);
        client.register("a-value", V2);

        assertThatThrownBy(() -> client.register("a-value", record("Case", "id", "desk", "kind")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max.schemas.per.subject");
        assertThat(client.register("b-value", V1))
                .as("other subjects are unaffected")
                .isPositive();
    }

    /**
     * Decision: concurrent first calls for one (subject, schema) are collapsed into a single request; every caller
     * gets that request's id. Checked by holding the server's answer until all other callers are parked waiting.
     */
    @Test
    void sixteenThreadsRegisteringOneSchemaSendOneRequest() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        registry.otherwise(r -> {
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(200, "{\"id\":77}");
        });
        CachedSchemaRegistryClient client = client();
        List<Thread> workers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r);
            workers.add(t);
            return t;
        });
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    return client.register("cases-value", V1);
                }));
            }
            start.countDown();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> registry.requestCount() == 1
                            && workers.size() == 16
                            && workers.stream()
                                            .filter(CachedSchemaRegistryClientTest::parkedOnAFuture)
                                            .count()
                                    >= 15);
            answer.countDown();

            for (Future<Integer> id : ids) {
                assertThat(id.get(10, TimeUnit.SECONDS)).isEqualTo(77);
            }
            assertThat(registry.requestCount()).isEqualTo(1);
            assertThat(client.register("cases-value", V1)).isEqualTo(77);
            assertThat(registry.requestCount()).isEqualTo(1);
        } finally {
            answer.countDown();
            pool.shutdownNow();
        }
    }

    /** Parked in CompletableFuture.join/get: waiting for the one request, not still at the start line. */
    private static boolean parkedOnAFuture(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        return blocker != null && blocker.getClass().getName().startsWith(CompletableFuture.class.getName());
    }

    private static Schema record(String name, String... fields) {
        StringBuilder json = new StringBuilder(
                "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.example\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(fields[i])
                    .append("\",\"type\":\"string\"}");
        }
        return new Schema.Parser().parse(json.append("]}").toString());
    }
}
