package org.crossdesk.schemaregistry.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link SchemaRegistryClient} that sends every call to the registry, with no caching: the right client for
 * testing a registry server or for admin tools. Serializers want {@link CachedSchemaRegistryClient}.
 *
 * <p>Configured with Confluent's keys ({@link SchemaRegistryClientConfig}): comma-separated base URLs with
 * optional path prefixes; basic or bearer auth; extra headers; timeouts; retries. Every request carries
 * {@code Content-Type: application/vnd.schemaregistry.v1+json} (with a body), an {@code Accept} listing the
 * registry media types, and {@code Confluent-Accept-Unknown-Properties: true}.
 *
 * <p>On a network error the request moves to the next base URL at once (and later requests stay there); when
 * every URL failed, or the answer is 408, 429, 500, 502, 503 or 504, it is retried up to {@code max.retries}
 * times after a jittered exponential backoff. Thread-safe.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final JavaType REGISTERED = RegistryHttp.JSON.constructType(RegisteredSchema.class);
    private static final JavaType INT_LIST =
            RegistryHttp.JSON.getTypeFactory().constructCollectionType(List.class, Integer.class);
    private static final JavaType STRING_LIST =
            RegistryHttp.JSON.getTypeFactory().constructCollectionType(List.class, String.class);
    private static final JavaType SUBJECT_VERSION_LIST =
            RegistryHttp.JSON.getTypeFactory().constructCollectionType(List.class, SubjectVersion.class);
    private static final JavaType INT = RegistryHttp.JSON.constructType(Integer.class);

    private final RegistryHttp http;

    /** Configured entirely from {@code configs}, which must contain {@code schema.registry.url}. */
    public RestSchemaRegistryClient(Map<String, ?> configs) {
        this.http = new RegistryHttp(ClientSettings.from(null, configs));
    }

    /** @param baseUrls comma-separated base URLs, e.g. {@code http://a:8081,http://b:8080/apis/ccompat/v7} */
    public RestSchemaRegistryClient(String baseUrls, Map<String, ?> configs) {
        this(splitUrls(baseUrls), configs);
    }

    public RestSchemaRegistryClient(List<String> baseUrls, Map<String, ?> configs) {
        this.http = new RegistryHttp(ClientSettings.from(baseUrls, configs == null ? Map.of() : configs));
    }

    /** The base URLs in use, user info removed. */
    public List<String> baseUrls() {
        return http.urls().all().stream().map(BaseUrls.BaseUrl::url).toList();
    }

    // ---------------------------------------------------------------- registration and lookup

    @Override
    public RegisteredSchema register(String subject, SchemaDefinition schema, boolean normalize) {
        HttpPath path =
                HttpPath.of("subjects").segment(subject).literal("versions").flag("normalize", normalize);
        return http.call("POST", path, schemaBody(schema), REGISTERED);
    }

    @Override
    public RegisteredSchema lookup(String subject, SchemaDefinition schema, boolean normalize, boolean deleted) {
        HttpPath path = HttpPath.of("subjects")
                .segment(subject)
                .flag("normalize", normalize)
                .flag("deleted", deleted);
        return http.call("POST", path, schemaBody(schema), REGISTERED);
    }

    // ---------------------------------------------------------------- subjects and versions

    @Override
    public RegisteredSchema getSubjectVersion(String subject, String version, boolean deleted) {
        HttpPath path = HttpPath.of("subjects")
                .segment(subject)
                .literal("versions")
                .segment(version)
                .flag("deleted", deleted);
        return http.call("GET", path, null, REGISTERED);
    }

    @Override
    public String getRawSchema(String subject, String version) {
        return http.callRaw(
                "GET",
                HttpPath.of("subjects")
                        .segment(subject)
                        .literal("versions")
                        .segment(version)
                        .literal("schema"));
    }

    @Override
    public List<Integer> getAllVersions(String subject, boolean deleted) {
        return listOrEmpty(http.call(
                "GET",
                HttpPath.of("subjects").segment(subject).literal("versions").flag("deleted", deleted),
                null,
                INT_LIST));
    }

    @Override
    public int deleteSchemaVersion(String subject, String version, boolean permanent) {
        Integer deleted = http.call(
                "DELETE",
                HttpPath.of("subjects")
                        .segment(subject)
                        .literal("versions")
                        .segment(version)
                        .flag("permanent", permanent),
                null,
                INT);
        return deleted == null ? -1 : deleted;
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return listOrEmpty(http.call(
                "DELETE", HttpPath.of("subjects").segment(subject).flag("permanent", permanent), null, INT_LIST));
    }

    @Override
    public List<String> getAllSubjects(boolean deleted) {
        return listOrEmpty(http.call("GET", HttpPath.of("subjects").flag("deleted", deleted), null, STRING_LIST));
    }

    // ---------------------------------------------------------------- schemas by id

    @Override
    public RegisteredSchema getById(int id, String subject) {
        HttpPath path = HttpPath.of("schemas", "ids").literal(Integer.toString(id));
        if (subject != null) {
            path.query("subject", subject);
        }
        return http.call("GET", path, null, REGISTERED);
    }

    @Override
    public String getRawSchemaById(int id) {
        return http.callRaw(
                "GET",
                HttpPath.of("schemas", "ids").literal(Integer.toString(id)).literal("schema"));
    }

    @Override
    public List<String> getAllSubjectsById(int id) {
        return listOrEmpty(http.call(
                "GET",
                HttpPath.of("schemas", "ids").literal(Integer.toString(id)).literal("subjects"),
                null,
                STRING_LIST));
    }

    @Override
    public List<SubjectVersion> getAllVersionsById(int id) {
        return listOrEmpty(http.call(
                "GET",
                HttpPath.of("schemas", "ids").literal(Integer.toString(id)).literal("versions"),
                null,
                SUBJECT_VERSION_LIST));
    }

    @Override
    public List<String> getSchemaTypes() {
        return listOrEmpty(http.call("GET", HttpPath.of("schemas", "types"), null, STRING_LIST));
    }

    // ---------------------------------------------------------------- compatibility

    @Override
    public CompatibilityResult testCompatibility(
            String subject, String version, SchemaDefinition schema, boolean verbose) {
        HttpPath path = HttpPath.of("compatibility", "subjects")
                .segment(subject)
                .literal("versions")
                .segment(version)
                .flag("verbose", verbose);
        return compatibility(http.callTree("POST", path, schemaBody(schema)));
    }

    @Override
    public CompatibilityResult testCompatibilityWithAll(String subject, SchemaDefinition schema, boolean verbose) {
        HttpPath path = HttpPath.of("compatibility", "subjects")
                .segment(subject)
                .literal("versions")
                .flag("verbose", verbose);
        return compatibility(http.callTree("POST", path, schemaBody(schema)));
    }

    // ---------------------------------------------------------------- config

    @Override
    public String getGlobalCompatibility() {
        return level(http.callTree("GET", HttpPath.of("config"), null));
    }

    @Override
    public String getCompatibility(String subject, boolean defaultToGlobal) {
        return level(http.callTree(
                "GET", HttpPath.of("config").segment(subject).flag("defaultToGlobal", defaultToGlobal), null));
    }

    @Override
    public String updateGlobalCompatibility(String level) {
        return level(http.callTree("PUT", HttpPath.of("config"), Map.of("compatibility", level)));
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        return level(http.callTree("PUT", HttpPath.of("config").segment(subject), Map.of("compatibility", level)));
    }

    @Override
    public String deleteGlobalCompatibility() {
        return level(http.callTree("DELETE", HttpPath.of("config"), null));
    }

    @Override
    public String deleteCompatibility(String subject) {
        return level(http.callTree("DELETE", HttpPath.of("config").segment(subject), null));
    }

    // ---------------------------------------------------------------- mode

    @Override
    public String getMode() {
        return mode(http.callTree("GET", HttpPath.of("mode"), null));
    }

    @Override
    public String getMode(String subject, boolean defaultToGlobal) {
        return mode(http.callTree(
                "GET", HttpPath.of("mode").segment(subject).flag("defaultToGlobal", defaultToGlobal), null));
    }

    @Override
    public String updateGlobalMode(String mode) {
        return mode(http.callTree("PUT", HttpPath.of("mode"), Map.of("mode", mode)));
    }

    @Override
    public String updateMode(String subject, String mode) {
        return mode(http.callTree("PUT", HttpPath.of("mode").segment(subject), Map.of("mode", mode)));
    }

    @Override
    public String deleteMode(String subject) {
        return mode(http.callTree("DELETE", HttpPath.of("mode").segment(subject), null));
    }

    // ---------------------------------------------------------------- misc

    @Override
    public void ping() {
        http.callRaw("GET", HttpPath.of());
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + baseUrls();
    }

    // ---------------------------------------------------------------- JSON shapes

    static ObjectNode schemaBody(SchemaDefinition schema) {
        ObjectNode body = RegistryHttp.JSON.createObjectNode();
        body.put("schema", schema.schema());
        // Confluent's client omits the type for Avro; registries before 5.5 don't know the field.
        if (schema.schemaType() != null && !SchemaDefinition.AVRO.equalsIgnoreCase(schema.schemaType())) {
            body.put("schemaType", schema.schemaType());
        }
        if (!schema.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            for (SchemaReference ref : schema.references()) {
                refs.addObject()
                        .put("name", ref.name())
                        .put("subject", ref.subject())
                        .put("version", ref.version());
            }
        }
        return body;
    }

    private static CompatibilityResult compatibility(JsonNode answer) {
        if (answer == null || !answer.has("is_compatible")) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's compatibility answer carries no is_compatible: " + answer);
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode m : answer.path("messages")) {
            messages.add(m.isTextual() ? m.asText() : m.toString());
        }
        return new CompatibilityResult(answer.get("is_compatible").asBoolean(), messages);
    }

    /** GET answers {@code compatibilityLevel}, PUT echoes {@code compatibility}: accept either everywhere. */
    private static String level(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        JsonNode level =
                answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
        return level == null || level.isNull() ? null : level.asText();
    }

    private static String mode(JsonNode answer) {
        JsonNode mode = answer == null ? null : answer.get("mode");
        return mode == null || mode.isNull() ? null : mode.asText();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static List<String> splitUrls(String baseUrls) {
        return ConfigValues.of(Map.of(SchemaRegistryClientConfig.URL, baseUrls == null ? "" : baseUrls))
                .getList(SchemaRegistryClientConfig.URL);
    }
}
