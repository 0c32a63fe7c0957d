package org.crossdesk.schemaregistry.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Parsing rules of docs/design/schema-registry-api.md §4.2–4.3: candidates are parsed strictly (default values validated, strict
 * names), stored schemas leniently; referenced schemas are parsed first, into the same parser. The
 * canonical text that identifies a schema is the parsed schema's {@code toString()}, with the types
 * that come from references named rather than inlined.
 */
final class AvroSchemas {

    /** How deep references may nest before we suspect a cycle. */
    private static final int MAX_REFERENCE_DEPTH = 32;

    /** Stored schemas are immutable, so their parsed form can be kept for the life of the process. */
    private static final Map<RegistryState.Identity, Schema> STORED = new ConcurrentHashMap<>();

    private AvroSchemas() {}

    /** Finds the subject-version a reference points at, or throws 42201. */
    interface ReferenceResolver {
        SchemaValue resolve(SchemaReference reference);
    }

    /** A parsed schema and its canonical text. */
    record Parsed(Schema schema, String canonical) {}

    static Parsed parseStrict(String text, List<SchemaReference> references, ReferenceResolver resolver) {
        return parse(
                new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true),
                text,
                references,
                resolver);
    }

    static Parsed parseLenient(String text, List<SchemaReference> references, ReferenceResolver resolver) {
        return parse(
                new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false), text, references, resolver);
    }

    static Schema parseStored(SchemaValue value, ReferenceResolver resolver) {
        return STORED.computeIfAbsent(
                RegistryState.Identity.of(value),
                identity -> parseLenient(value.schema(), value.references(), resolver)
                        .schema());
    }

    private static Parsed parse(
            Schema.Parser parser, String text, List<SchemaReference> references, ReferenceResolver resolver) {
        try {
            addReferences(parser, references, resolver, new HashSet<>(), 0);
            List<Schema> referenced = new ArrayList<>(parser.getTypes().values());
            Schema schema = parser.parse(text);
            return new Parsed(schema, referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false));
        } catch (RegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    private static void addReferences(
            Schema.Parser parser,
            List<SchemaReference> references,
            ReferenceResolver resolver,
            Set<SubjectVersion> seen,
            int depth) {
        if (depth > MAX_REFERENCE_DEPTH) {
            throw Errors.invalidSchema("Invalid schema: references nest deeper than " + MAX_REFERENCE_DEPTH);
        }
        for (SchemaReference reference : references) {
            if (!seen.add(new SubjectVersion(reference.subject(), reference.version()))) {
                continue;
            }
            SchemaValue referenced = resolver.resolve(reference);
            addReferences(parser, referenced.references(), resolver, seen, depth + 1);
            parser.parse(referenced.schema());
        }
    }
}
