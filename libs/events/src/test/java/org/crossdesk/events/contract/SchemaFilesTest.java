package org.crossdesk.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.AvroTypeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificData;
import org.crossdesk.events.contract.SchemaFiles.SchemaFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every current schema file parses strictly and defines exactly the one type its path names. */
class SchemaFilesTest {

    private static final Map<String, Schema> CATALOG = SchemaFiles.catalog(SchemaFiles.current());

    static List<SchemaFile> currentFiles() {
        return SchemaFiles.current();
    }

    @Test
    void theContractHasAtLeastThirtyNamedTypesAllInTheCrossdeskNamespace() {
        assertThat(SchemaFiles.current()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CATALOG).hasSameSizeAs(SchemaFiles.current());
        assertThat(CATALOG.keySet())
                .allMatch(name -> name.matches("org\\.crossdesk\\.events\\.[a-z]+\\.[A-Z][A-Za-z0-9]*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentFiles")
    void parsesStrictlyAndDefinesExactlyTheTypeItsPathNames(SchemaFile file) throws Exception {
        // Strict names and default validation; the other files' types are known, this file's is not.
        Schema.Parser strict = new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true);
        strict.addTypes(CATALOG.entrySet().stream()
                .filter(e -> !e.getKey().equals(file.expectedFullName()))
                .map(Map.Entry::getValue)
                .toList());
        Set<String> before = new HashSet<>(strict.getTypes().keySet());

        Schema parsed = strict.parse(file.path().toFile());

        Set<String> defined = new HashSet<>(strict.getTypes().keySet());
        defined.removeAll(before);
        assertThat(defined).as("named types defined in %s", file.path()).containsExactly(file.expectedFullName());
        assertThat(parsed.getFullName()).isEqualTo(file.expectedFullName());
        assertThat(parsed).isEqualTo(CATALOG.get(file.expectedFullName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentFiles")
    void theGeneratedClassCarriesExactlyThisSchema(SchemaFile file) {
        Schema schema = CATALOG.get(file.expectedFullName());
        Class<?> generated = SpecificData.get().getClass(schema);
        assertThat(generated)
                .as("generated class of %s", file.expectedFullName())
                .isNotNull();
        assertThat(generated.getName()).isEqualTo(file.expectedFullName());
        // The compiler marks strings as java.lang.String in the class's copy; otherwise it is the file's schema.
        String embedded = SpecificData.get()
                .getSchema(generated)
                .toString()
                .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"");
        assertThat(embedded).isEqualTo(schema.toString());
    }

    /**
     * The avro-maven-plugin reads the files in directory order, and a default naming a symbol of an enum
     * from a file not yet read fails the build. Defaults of fields typed by another named type are
     * therefore only null (optional) or an empty list, which never need the type resolved.
     */
    @Test
    void fieldDefaultsNeverDependOnTheOrderFilesAreRead() {
        List<String> offenders = CATALOG.values().stream()
                .filter(type -> type.getType() == Schema.Type.RECORD)
                .flatMap(type -> type.getFields().stream()
                        .filter(Schema.Field::hasDefaultValue)
                        .filter(field -> needsResolvedTypeForDefault(field.schema()))
                        .map(field -> type.getName() + "." + field.name()))
                .collect(Collectors.toList());
        assertThat(offenders).isEmpty();
    }

    @Test
    void optionalFieldsPutNullFirstAndDefaultToNullAndListsDefaultToEmpty() {
        List<String> offenders = new ArrayList<>();
        for (Schema type : CATALOG.values()) {
            if (type.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : type.getFields()) {
                Schema schema = field.schema();
                String where = type.getName() + "." + field.name();
                if (schema.isNullable()) {
                    boolean ok = schema.getType() == Schema.Type.UNION
                            && schema.getTypes().size() == 2
                            && schema.getTypes().get(0).getType() == Schema.Type.NULL
                            && field.hasDefaultValue()
                            && field.defaultVal() == JsonProperties.NULL_VALUE;
                    if (!ok) {
                        offenders.add(where + " should be [\"null\", T] with default null");
                    }
                }
                if (schema.getType() == Schema.Type.ARRAY
                        && !(field.hasDefaultValue() && field.defaultVal() instanceof List<?> list && list.isEmpty())) {
                    offenders.add(where + " should default to []");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void timestampsAreTimestampMillisAndDatesAreDates() {
        List<String> offenders = new ArrayList<>();
        for (Schema type : CATALOG.values()) {
            if (type.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : type.getFields()) {
                Schema schema = field.schema().isNullable() && field.schema().isUnion()
                        ? field.schema().getTypes().get(1)
                        : field.schema();
                String logical = schema.getLogicalType() == null
                        ? null
                        : schema.getLogicalType().getName();
                if ((field.name().endsWith("At") || field.name().equals("at")) && !"timestamp-millis".equals(logical)) {
                    offenders.add(type.getName() + "." + field.name() + " is an instant: timestamp-millis");
                }
                if ((field.name().endsWith("On")
                                || field.name().startsWith("valid")
                                || field.name().equals("dateOfBirth"))
                        && !"date".equals(logical)) {
                    offenders.add(type.getName() + "." + field.name() + " is a calendar date: date");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theStrictParserRejectsAnInvalidDefaultSoTheCheckCanFail() {
        String invalid = """
        {"type": "record", "name": "Broken", "namespace": "org.crossdesk.events.test", "doc": "d",
         "fields": [{"name": "count", "type": "int", "default": "many", "doc": "d"}]}""";
        Schema.Parser strict = new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true);
        assertThatThrownBy(() -> strict.parse(invalid))
                .isInstanceOf(AvroTypeException.class)
                .hasMessageContaining("count");
    }

    @Test
    void theStrictParserRejectsANonJavaNameSoTheCheckCanFail() {
        String invalid = """
        {"type": "record", "name": "Bad-Name", "namespace": "org.crossdesk.events.test", "doc": "d", "fields": []}""";
        Schema.Parser strict = new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true);
        assertThatThrownBy(() -> strict.parse(invalid)).isInstanceOf(SchemaParseException.class);
    }

    private static boolean needsResolvedTypeForDefault(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            case UNION -> schema.getTypes().get(0).getType() != Schema.Type.NULL;
            default -> false;
        };
    }
}
