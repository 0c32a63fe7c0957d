package org.crossdesk.schemaregistry.compatibility;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow the existing versions of a subject, using Avro's own
 * {@link SchemaCompatibility} (the rules Confluent has used since 6.0.2, docs/design/schema-registry-api.md §4.2).
 *
 * <p>Messages mimic Confluent's verbose format so that tools grepping for {@code oldSchemaVersion:},
 * {@code oldSchema:} and {@code compatibility:} keep working.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {}

    /** One earlier version of the subject, as the checker needs it. */
    public record PreviousVersion(int version, Schema schema, String schemaText) {}

    /**
     * Checks {@code candidate} against {@code previousNewestFirst} (live versions, newest first).
     *
     * @return an empty list when compatible, else the messages of the first failing version
     */
    public static List<String> check(
            CompatibilityLevel level, Schema candidate, List<PreviousVersion> previousNewestFirst) {
        if (level == CompatibilityLevel.NONE || previousNewestFirst.isEmpty()) {
            return List.of();
        }
        List<PreviousVersion> compared = level.transitive() ? previousNewestFirst : previousNewestFirst.subList(0, 1);
        for (PreviousVersion previous : compared) {
            List<String> messages = checkPair(level, candidate, previous);
            if (!messages.isEmpty()) {
                return messages;
            }
        }
        return List.of();
    }

    /** Checks against one version only, whatever the transitivity of the level (the per-version endpoint). */
    public static List<String> checkOne(CompatibilityLevel level, Schema candidate, PreviousVersion previous) {
        if (level == CompatibilityLevel.NONE) {
            return List.of();
        }
        return checkPair(level, candidate, previous);
    }

    private static List<String> checkPair(CompatibilityLevel level, Schema candidate, PreviousVersion previous) {
        List<String> messages = new ArrayList<>();
        if (level.backward()) {
            // The new schema reads what the old one wrote.
            describe(
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous.schema()),
                    "new",
                    "old",
                    messages);
        }
        if (level.forward()) {
            // The old schema reads what the new one writes.
            describe(
                    SchemaCompatibility.checkReaderWriterCompatibility(previous.schema(), candidate),
                    "old",
                    "new",
                    messages);
        }
        if (messages.isEmpty()) {
            return messages;
        }
        messages.add("{oldSchemaVersion: " + previous.version() + "}");
        messages.add("{oldSchema: '" + previous.schemaText() + "'}");
        messages.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
        return messages;
    }

    private static void describe(SchemaPairCompatibility result, String reader, String writer, List<String> messages) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'"
                    + description(incompatibility, reader, writer) + "', additionalInfo:'"
                    + incompatibility.getMessage() + "'}");
        }
    }

    private static String description(Incompatibility incompatibility, String reader, String writer) {
        String path = incompatibility.getLocation();
        return switch (incompatibility.getType()) {
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case FIXED_SIZE_MISMATCH ->
                "The size of FIXED type field at path '" + path + "' in the " + reader
                        + " schema does not match with the " + writer + " schema";
            case MISSING_ENUM_SYMBOLS ->
                "The " + reader + " schema is missing enum symbols '" + incompatibility.getMessage() + "' at path '"
                        + path + "' in the " + writer + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                "The field '" + incompatibility.getMessage() + "' at path '"
                        + path + "' in the " + reader + " schema has no default value and is missing in the " + writer
                        + " schema";
            case TYPE_MISMATCH ->
                "The type (path '" + path + "') of a field in the " + reader + " schema does not match with the "
                        + writer + " schema";
            case MISSING_UNION_BRANCH ->
                "The " + reader + " schema is missing a type inside a union field at path '" + path + "' in the "
                        + writer + " schema";
        };
    }
}
