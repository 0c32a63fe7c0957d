package org.crossdesk.schemaregistry.client;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Turns registry answers into Avro schemas, references first (docs/design/schema-registry-api.md §3.4 step 2). */
final class AvroSchemas {

    private AvroSchemas() {}

    static Schema parse(RegisteredSchema answer, String what, SchemaRegistryClient resolver) {
        if (!SchemaDefinition.AVRO.equalsIgnoreCase(answer.schemaTypeOrAvro())) {
            throw new IllegalArgumentException(
                    "The schema of " + what + " is " + answer.schemaType() + ", not AVRO: this client reads Avro only");
        }
        if (answer.schema() == null) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's answer for " + what + " carries no schema");
        }
        // Stored schemas are re-parsed leniently, as the registry does: a default that today's strict validation
        // rejects must not make old data unreadable.
        Schema.Parser parser = new Schema.Parser().setValidateDefaults(false);
        addReferences(parser, answer.references(), resolver, new HashSet<>());
        try {
            return parser.parse(answer.schema());
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("The schema of " + what + " is not valid Avro: " + e.getMessage(), e);
        }
    }

    private static void addReferences(
            Schema.Parser parser, List<SchemaReference> references, SchemaRegistryClient resolver, Set<String> seen) {
        for (SchemaReference ref : references) {
            if (!seen.add(ref.subject() + "\u0000" + ref.version())) {
                continue; // diamond: the named types are already in the parser
            }
            RegisteredSchema referenced =
                    resolver.getSubjectVersion(ref.subject(), Integer.toString(ref.version()), false);
            addReferences(parser, referenced.references(), resolver, seen);
            parser.parse(referenced.schema());
        }
    }
}
