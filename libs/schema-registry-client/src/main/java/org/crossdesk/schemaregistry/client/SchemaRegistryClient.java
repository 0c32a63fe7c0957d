package org.crossdesk.schemaregistry.client;

import java.io.Closeable;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (docs/design/schema-registry-api.md §1): every P0 and P1 endpoint, plus the cheap P2
 * ones around config and mode. Works against Confluent Schema Registry, Apicurio's {@code ccompat} API,
 * Karapace, Redpanda and Crossdesk's own registry server.
 *
 * <p>Two implementations: {@link RestSchemaRegistryClient} sends every call to the server (what a test of the
 * server wants), {@link CachedSchemaRegistryClient} wraps any client and caches what cannot change (what
 * serializers want). Failures are {@link SchemaRegistryException}s (unchecked).
 *
 * <p>Conventions: {@code version} arguments are a number, {@code "latest"} or {@code "-1"}; subjects are
 * percent-encoded by the client, pass them as they are. Methods taking an Avro {@link Schema} register or look
 * up its canonical text ({@link Schema#toString()}).
 */
public interface SchemaRegistryClient extends Closeable {

    // ---------------------------------------------------------------- registration and lookup (P0)

    /**
     * {@code POST /subjects/{subject}/versions[?normalize=true]}: registers the schema, or returns the existing
     * id if the subject already has it. The answer holds at least the id; servers from 7.5 also return version,
     * schema and type.
     *
     * @throws IncompatibleSchemaException if the subject's compatibility level rejects it
     * @throws SchemaRegistryInvalidRequestException for an invalid schema (42201) or a read-only subject (42205)
     */
    RegisteredSchema register(String subject, SchemaDefinition schema, boolean normalize);

    /** Registers an Avro schema and returns its id. */
    default int register(String subject, Schema schema) {
        return register(subject, schema, false);
    }

    /** Registers an Avro schema and returns its id. */
    default int register(String subject, Schema schema, boolean normalize) {
        return requireId(register(subject, SchemaDefinition.avro(schema), normalize), subject);
    }

    /**
     * {@code POST /subjects/{subject}[?normalize=true][&deleted=true]}: finds the version of the subject holding
     * this schema.
     *
     * @throws SchemaRegistryNotFoundException 40401 when the subject has no (live) versions, 40403 when the subject
     *                                         exists but not with this schema
     */
    RegisteredSchema lookup(String subject, SchemaDefinition schema, boolean normalize, boolean deleted);

    /** The id of an Avro schema already registered under the subject (lookup). */
    default int getId(String subject, Schema schema) {
        return getId(subject, schema, false);
    }

    /** The id of an Avro schema already registered under the subject (lookup). */
    default int getId(String subject, Schema schema, boolean normalize) {
        return requireId(lookup(subject, SchemaDefinition.avro(schema), normalize, false), subject);
    }

    /** The version under which an Avro schema is registered in the subject (lookup). */
    default int getVersion(String subject, Schema schema) {
        return getVersion(subject, schema, false);
    }

    /** The version under which an Avro schema is registered in the subject (lookup). */
    default int getVersion(String subject, Schema schema, boolean normalize) {
        RegisteredSchema found = lookup(subject, SchemaDefinition.avro(schema), normalize, false);
        if (found.version() == null) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's lookup answer for subject '" + subject + "' carries no version");
        }
        return found.version();
    }

    // ---------------------------------------------------------------- subjects and versions

    /**
     * {@code GET /subjects/{subject}/versions/{version}[?deleted=true]}.
     *
     * @param version a number, {@code "latest"} or {@code "-1"}
     */
    RegisteredSchema getSubjectVersion(String subject, String version, boolean deleted);

    /** {@code GET /subjects/{subject}/versions/{version}}. */
    default RegisteredSchema getSchemaMetadata(String subject, int version) {
        return getSubjectVersion(subject, Integer.toString(version), false);
    }

    /** {@code GET /subjects/{subject}/versions/latest}: the newest live version. */
    default RegisteredSchema getLatestSchemaMetadata(String subject) {
        return getSubjectVersion(subject, "latest", false);
    }

    /** {@code GET /subjects/{subject}/versions/{version}/schema}: the schema document itself, as JSON text. */
    String getRawSchema(String subject, String version);

    /** {@code GET /subjects/{subject}/versions[?deleted=true]}: version numbers, ascending. */
    List<Integer> getAllVersions(String subject, boolean deleted);

    /** {@code GET /subjects/{subject}/versions}: live version numbers, ascending. */
    default List<Integer> getAllVersions(String subject) {
        return getAllVersions(subject, false);
    }

    /**
     * {@code DELETE /subjects/{subject}/versions/{version}[?permanent=true]}. A permanent delete must follow a
     * soft delete (else 40407).
     *
     * @return the deleted version number
     */
    int deleteSchemaVersion(String subject, String version, boolean permanent);

    /**
     * {@code DELETE /subjects/{subject}[?permanent=true]}. A permanent delete must follow a soft delete (else
     * 40405).
     *
     * @return the deleted version numbers
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /** {@code GET /subjects[?deleted=true]}. */
    List<String> getAllSubjects(boolean deleted);

    /** {@code GET /subjects}: subjects with at least one live version. */
    default List<String> getAllSubjects() {
        return getAllSubjects(false);
    }

    // ---------------------------------------------------------------- schemas by id

    /**
     * {@code GET /schemas/ids/{id}[?subject=]}: the schema text, type and references of an id. Soft-deleted
     * versions' ids still resolve.
     *
     * @param subject passed as {@code ?subject=} when not null (lets the server pick the context)
     * @throws SchemaRegistryNotFoundException 40403 for an unknown id
     */
    RegisteredSchema getById(int id, String subject);

    /** The Avro schema of an id, references resolved. */
    default Schema getSchemaById(int id) {
        return getSchemaBySubjectAndId(null, id);
    }

    /** The Avro schema of an id, fetched with {@code ?subject=} when the subject is not null. */
    default Schema getSchemaBySubjectAndId(String subject, int id) {
        return AvroSchemas.parse(getById(id, subject), "id " + id, this);
    }

    /** {@code GET /schemas/ids/{id}/schema}: the schema document itself, as JSON text. */
    String getRawSchemaById(int id);

    /** {@code GET /schemas/ids/{id}/subjects}: subjects having a version with this id. */
    List<String> getAllSubjectsById(int id);

    /** {@code GET /schemas/ids/{id}/versions}: every subject-version with this id. */
    List<SubjectVersion> getAllVersionsById(int id);

    /** {@code GET /schemas/types}: e.g. {@code ["AVRO"]} or {@code ["JSON","PROTOBUF","AVRO"]}. */
    List<String> getSchemaTypes();

    // ---------------------------------------------------------------- compatibility

    /**
     * {@code POST /compatibility/subjects/{subject}/versions/{version}[?verbose=true]}: checks against that one
     * version. Against {@code latest} of a subject without versions the answer is compatible.
     */
    CompatibilityResult testCompatibility(String subject, String version, SchemaDefinition schema, boolean verbose);

    /**
     * {@code POST /compatibility/subjects/{subject}/versions[?verbose=true]}: runs exactly the check a
     * registration would (latest or all live versions, depending on the level).
     */
    CompatibilityResult testCompatibilityWithAll(String subject, SchemaDefinition schema, boolean verbose);

    /** Whether the Avro schema is compatible with the subject's latest version. */
    default boolean testCompatibility(String subject, Schema schema) {
        return testCompatibility(subject, "latest", SchemaDefinition.avro(schema), false)
                .compatible();
    }

    // ---------------------------------------------------------------- config (compatibility level)

    /** {@code GET /config}: the global compatibility level, e.g. {@code BACKWARD}. */
    String getGlobalCompatibility();

    /**
     * {@code GET /config/{subject}[?defaultToGlobal=true]}.
     *
     * @throws SchemaRegistryNotFoundException 40408 (or 40401 on old servers) when the subject has no level of its
     *                                         own and {@code defaultToGlobal} is false
     */
    String getCompatibility(String subject, boolean defaultToGlobal);

    /** {@code PUT /config}: returns the level the server echoed. */
    String updateGlobalCompatibility(String level);

    /** {@code PUT /config/{subject}}: returns the level the server echoed. Works before the first version. */
    String updateCompatibility(String subject, String level);

    /** {@code DELETE /config}: returns the previous global level. */
    String deleteGlobalCompatibility();

    /** {@code DELETE /config/{subject}}: returns the previous subject level; 40401 when there was none. */
    String deleteCompatibility(String subject);

    // ---------------------------------------------------------------- mode

    /** {@code GET /mode}: e.g. {@code READWRITE}. */
    String getMode();

    /** {@code GET /mode/{subject}[?defaultToGlobal=true]}; 40409 when unset and not defaulting. */
    String getMode(String subject, boolean defaultToGlobal);

    /** {@code PUT /mode}: returns the echoed mode. */
    String updateGlobalMode(String mode);

    /** {@code PUT /mode/{subject}}: returns the echoed mode. */
    String updateMode(String subject, String mode);

    /** {@code DELETE /mode/{subject}}: returns the previous mode. */
    String deleteMode(String subject);

    // ---------------------------------------------------------------- misc

    /** {@code GET /}: succeeds when a registry answers. */
    void ping();

    /** Releases HTTP resources. */
    @Override
    void close();

    private static int requireId(RegisteredSchema answer, String subject) {
        Objects.requireNonNull(answer, "empty answer from the registry");
        if (answer.id() == null) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's answer for subject '" + subject + "' carries no id");
        }
        return answer.id();
    }
}
