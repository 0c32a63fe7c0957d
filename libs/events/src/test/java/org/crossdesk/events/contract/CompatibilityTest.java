package org.crossdesk.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BACKWARD_TRANSITIVE: the current schemas read data written with every released version, type by
 * type (the wrappers included, so every topic's value schema is covered).
 */
class CompatibilityTest {

    private static final Map<String, Schema> CURRENT = SchemaFiles.catalog(SchemaFiles.current());

    static Stream<Arguments> releasedTypes() {
        List<Arguments> pairs = new ArrayList<>();
        for (Path release : SchemaFiles.releases()) {
            SchemaFiles.catalog(SchemaFiles.release(release))
                    .forEach((name, released) -> pairs.add(Arguments.of(release.getFileName() + ":" + name, released)));
        }
        return pairs.stream();
    }

    @Test
    void releaseOneIsFrozenAndComplete() {
        List<Path> releases = SchemaFiles.releases();
        assertThat(releases).isNotEmpty();
        assertThat(releases.get(0).getFileName()).hasToString("1");
        Map<String, Schema> first = SchemaFiles.catalog(SchemaFiles.release(releases.get(0)));
        assertThat(first).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedTypes")
    void theCurrentSchemaReadsWhatTheReleasedOneWrote(String label, Schema released) {
        Schema current = CURRENT.get(released.getFullName());
        assertThat(current)
                .as("%s is never removed or renamed", released.getFullName())
                .isNotNull();

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released);

        assertThat(result.getType())
                .as("%s: %s", label, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aNewFieldWithoutDefaultIsReportedAsBreaking() {
        Schema released = CURRENT.get("org.crossdesk.events.directory.DeskProfile");
        List<Schema.Field> fields = new ArrayList<>();
        released.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("region", Schema.create(Schema.Type.STRING), "Region of the desk."));
        Schema changed =
                Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, released)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theSameNewFieldWithADefaultIsCompatible() {
        Schema released = CURRENT.get("org.crossdesk.events.directory.DeskProfile");
        List<Schema.Field> fields = new ArrayList<>();
        released.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field(
                "region",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Region of the desk.",
                Schema.Field.NULL_DEFAULT_VALUE));
        Schema changed =
                Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, released)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aRemovedEnumSymbolWithoutDefaultIsReportedAsBreaking() {
        Schema released = CURRENT.get("org.crossdesk.events.common.ReferralType");
        List<String> fewer =
                released.getEnumSymbols().subList(0, released.getEnumSymbols().size() - 1);
        Schema changed = Schema.createEnum(released.getName(), released.getDoc(), released.getNamespace(), fewer, null);

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, released)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void aRemovedUnionBranchInAWrapperIsReportedAsBreaking() {
        Schema released = CURRENT.get("org.crossdesk.events.referral.ReferralEvent");
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : released.getFields()) {
            Schema schema = field.schema();
            if (field.name().equals("event")) {
                schema = Schema.createUnion(
                        schema.getTypes().subList(0, schema.getTypes().size() - 1));
            }
            fields.add(new Schema.Field(field, schema));
        }
        Schema changed =
                Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, released)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
