package org.crossdesk.schemaregistry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossdesk.schemaregistry.http.RegistryHttp.schemaBody;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossdesk.schemaregistry.TestUsers;
import org.crossdesk.schemaregistry.TestUsers.User;
import org.crossdesk.schemaregistry.http.RegistryHttp.Reply;
import org.crossdesk.schemaregistry.server.EmbeddedSchemaRegistry;
import org.crossdesk.testsupport.KafkaFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Who may do what, over real HTTP against a registry with static users on a real broker. */
class AuthenticatedRegistryHttpTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Auth\",\"namespace\":\"org.example.a" + RUN
            + "\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String CHALLENGE = "Basic realm=\"crossdesk-schema-registry\"";

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(
                KafkaFixture.bootstrapServers(),
                TestUsers.settingsWith("crossdesk.schema-registry.topic", "_schemas-auth-" + RUN));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String subject() {
        return "auth-" + RUN + "-" + SUBJECTS.incrementAndGet() + "-value";
    }

    private static RegistryHttp anonymous() {
        return new RegistryHttp(registry.url());
    }

    private static RegistryHttp as(User user) {
        return new RegistryHttp(registry.url(), RegistryHttp.basic(user.name(), user.password()));
    }

    /** A subject with one version, registered by the registrar. */
    private static String registered() {
        String subject = subject();
        assertStatus(as(TestUsers.REGISTRAR).post("/subjects/" + subject + "/versions", schemaBody(SCHEMA)), 200);
        return subject;
    }

    private static void assertStatus(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.challenge()).isEqualTo(CHALLENGE);
        assertThat(reply.mediaType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(reply.json().get("error_code").intValue()).isEqualTo(401);
        assertThat(reply.json().get("message").stringValue()).startsWith("Unauthorized");
    }

    private static void assertForbidden(Reply reply, String needed) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.challenge()).isNull();
        assertThat(reply.mediaType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(reply.json().get("error_code").intValue()).isEqualTo(403);
        assertThat(reply.json().get("message").stringValue())
                .startsWith("Forbidden")
                .endsWith("needs the " + needed + " role");
    }

    @Nested
    class Anonymous {

        @Test
        void readsAndWritesAre401WithABasicChallenge() {
            String subject = registered();
            assertUnauthorized(anonymous().get("/subjects"));
            assertUnauthorized(anonymous().get("/schemas/types"));
            assertUnauthorized(anonymous().post("/subjects/" + subject + "/versions", schemaBody(SCHEMA)));
            assertUnauthorized(anonymous().put("/config", "{\"compatibility\":\"NONE\"}"));
            assertUnauthorized(anonymous().delete("/subjects/" + subject));
            assertUnauthorized(anonymous().get("/no-such-endpoint"));
            // Nothing was changed by the refused calls.
            assertStatus(as(TestUsers.ADMIN).get("/subjects/" + subject + "/versions"), 200);
            assertThat(as(TestUsers.ADMIN)
                            .get("/config")
                            .json()
                            .get("compatibilityLevel")
                            .stringValue())
                    .isEqualTo("BACKWARD");
        }

        @Test
        void theErrorBodyFollowsTheAcceptHeader() {
            Reply reply = anonymous().send("GET", "/subjects", null, null, "Accept", "application/json");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.mediaType()).isEqualTo("application/json");
            assertThat(reply.json().get("error_code").intValue()).isEqualTo(401);
        }

        @Test
        void healthNeedsNoCredentials() {
            Reply health = anonymous().get("/actuator/health");
            assertStatus(health, 200);
            assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
            assertStatus(anonymous().get("/actuator/health/readiness"), 200);
            assertStatus(anonymous().get("/actuator/health/liveness"), 200);
        }

        @Test
        void aHealthLookalikePathIsNotExempt() {
            assertUnauthorized(anonymous().get("/actuator/health/../../subjects"));
            assertUnauthorized(anonymous().get("/actuator/health;x=1/../../subjects"));
        }
    }

    @Nested
    class BadCredentials {

        @Test
        void aWrongPasswordIs401() {
            assertUnauthorized(new RegistryHttp(registry.url(), RegistryHttp.basic(TestUsers.ADMIN.name(), "wrong"))
                    .get("/subjects"));
        }

        @Test
        void anUnknownUserIs401() {
            assertUnauthorized(
                    new RegistryHttp(registry.url(), RegistryHttp.basic("nobody", TestUsers.ADMIN.password()))
                            .get("/subjects"));
        }

        @Test
        void unreadableOrOtherSchemesAre401() {
            assertUnauthorized(anonymous().send("GET", "/subjects", null, null, "Authorization", "Basic !!!"));
            assertUnauthorized(anonymous()
                    .send("GET", "/subjects", null, null, "Authorization", "Bearer " + TestUsers.ADMIN.password()));
        }
    }

    @Nested
    class ReadUser {

        @Test
        void readsLooksUpAndChecksCompatibility() {
            String subject = registered();
            RegistryHttp desk = as(TestUsers.DESK);
            assertStatus(desk.get("/subjects"), 200);
            assertStatus(desk.get("/subjects/" + subject + "/versions/latest"), 200);
            assertStatus(desk.get("/config"), 200);
            assertStatus(desk.get("/mode"), 200);
            assertStatus(desk.post("/subjects/" + subject, schemaBody(SCHEMA)), 200);
            assertStatus(desk.post("/compatibility/subjects/" + subject + "/versions", schemaBody(SCHEMA)), 200);
            assertStatus(desk.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(SCHEMA)), 200);
            assertStatus(desk.post("/", "{}"), 200);
        }

        @Test
        void anUnknownPathIsStill404() {
            Reply reply = as(TestUsers.DESK).get("/no-such-endpoint");
            assertStatus(reply, 404);
            assertThat(reply.json().get("error_code").intValue()).isEqualTo(404);
        }

        @Test
        void registeringAndAdministeringAre403() {
            String subject = registered();
            RegistryHttp desk = as(TestUsers.DESK);
            assertForbidden(desk.post("/subjects/" + subject() + "/versions", schemaBody(SCHEMA)), "REGISTER");
            assertForbidden(desk.put("/config", "{\"compatibility\":\"NONE\"}"), "ADMIN");
            assertForbidden(desk.put("/mode/" + subject, "{\"mode\":\"READONLY\"}"), "ADMIN");
            assertForbidden(desk.delete("/subjects/" + subject), "ADMIN");
            assertStatus(as(TestUsers.ADMIN).get("/subjects/" + subject + "/versions"), 200);
        }

        @Test
        void noSpellingOfAReadingPathReachesRegistration() {
            String subject = subject();
            RegistryHttp desk = as(TestUsers.DESK);
            for (String path : new String[] {
                "/compatibility/../subjects/" + subject + "/versions",
                "/subjects/" + subject + "/versions/.",
                "/subjects/" + subject + "/./versions",
                "/subjects/" + subject + ";x=1/versions",
                "/subjects/" + subject + "/versions;x=1"
            }) {
                assertThat(desk.post(path, schemaBody(SCHEMA)).status())
                        .as(path)
                        .isNotEqualTo(200);
            }
            assertThat(as(TestUsers.ADMIN)
                            .get("/subjects/" + subject + "/versions")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Nested
    class RegisterUser {

        @Test
        void registersButMayNotChangeConfigModeOrDelete() {
            String subject = registered();
            RegistryHttp ci = as(TestUsers.REGISTRAR);
            assertStatus(ci.get("/subjects/" + subject + "/versions"), 200);
            assertForbidden(ci.put("/config", "{\"compatibility\":\"NONE\"}"), "ADMIN");
            assertForbidden(ci.put("/config/" + subject, "{\"compatibility\":\"NONE\"}"), "ADMIN");
            assertForbidden(ci.delete("/config"), "ADMIN");
            assertForbidden(ci.put("/mode", "{\"mode\":\"READONLY\"}"), "ADMIN");
            assertForbidden(ci.put("/mode/" + subject, "{\"mode\":\"READONLY\"}"), "ADMIN");
            assertForbidden(ci.delete("/mode/" + subject), "ADMIN");
            assertForbidden(ci.delete("/subjects/" + subject + "/versions/1"), "ADMIN");
            assertForbidden(ci.delete("/subjects/" + subject), "ADMIN");
            assertThat(as(TestUsers.ADMIN).get("/config/" + subject).status()).isEqualTo(404);
            assertThat(as(TestUsers.ADMIN)
                            .get("/subjects/" + subject + "/versions")
                            .json())
                    .hasSize(1);
        }
    }

    @Nested
    class AdminUser {

        @Test
        void changesConfigAndModeAndDeletes() {
            String subject = registered();
            RegistryHttp ops = as(TestUsers.ADMIN);
            assertStatus(ops.put("/config/" + subject, "{\"compatibility\":\"FULL\"}"), 200);
            assertStatus(ops.delete("/config/" + subject), 200);
            assertStatus(ops.put("/mode/" + subject, "{\"mode\":\"READONLY\"}"), 200);
            assertStatus(ops.delete("/mode/" + subject), 200);
            assertStatus(ops.post("/subjects/" + subject() + "/versions", schemaBody(SCHEMA)), 200);
            assertStatus(ops.delete("/subjects/" + subject + "/versions/1"), 200);
            assertStatus(ops.delete("/subjects/" + subject + "?permanent=true"), 200);
            assertThat(ops.get("/subjects/" + subject + "/versions").status()).isEqualTo(404);
        }
    }

    @Nested
    class Startup {

        @Test
        void refusesToStartWithAuthenticationOnAndNoUsersBeforeTouchingKafka() {
            String topic = "_schemas-auth-refused-" + UUID.randomUUID();
            assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(
                            KafkaFixture.bootstrapServers(),
                            Map.of(
                                    "crossdesk.registry.auth.enabled",
                                    "true",
                                    "crossdesk.schema-registry.topic",
                                    topic)))
                    .rootCause()
                    .hasMessageContaining("crossdesk.registry.auth.users-file")
                    .hasMessageContaining("crossdesk.registry.auth.users ")
                    .hasMessageContaining("crossdesk.registry.auth.kafka-verify")
                    .hasMessageContaining("crossdesk.registry.auth.enabled=false");
            Set<String> topics = KafkaFixture.withAdmin(admin -> {
                try {
                    return admin.listTopics().names().get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(topics).doesNotContain(topic);
        }

        @Test
        void refusesKafkaVerificationWithoutSasl() {
            assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(
                            KafkaFixture.bootstrapServers(),
                            Map.of(
                                    "crossdesk.registry.auth.kafka-verify",
                                    "true",
                                    "crossdesk.schema-registry.topic",
                                    "_schemas-auth-refused-" + UUID.randomUUID())))
                    .rootCause()
                    .hasMessageContaining("security.protocol PLAINTEXT")
                    .hasMessageContaining("CROSSDESK_KAFKA_PROPERTIES_SECURITY_PROTOCOL");
        }
    }
}
