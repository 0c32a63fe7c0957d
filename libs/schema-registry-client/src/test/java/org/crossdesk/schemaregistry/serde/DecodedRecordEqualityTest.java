package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossdesk.schemaregistry.fixtures.TestDossier;
import org.crossdesk.schemaregistry.fixtures.TestSubject;
import org.crossdesk.schemaregistry.testing.TinyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decoded specific records must behave as values: services de-duplicate and compare them. Avro
 * 1.12.1's own list class throws in equals/hashCode when a listed record holds an optional date.
 */
class DecodedRecordEqualityTest {

    private final TinyRegistry registry = new TinyRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aDecodedRecordWithDatesInAListEqualsTheOriginalAndHashes() {
        TestDossier original = TestDossier.newBuilder()
                .setDossierId("D-1")
                .setSubjects(List.of(
                        TestSubject.newBuilder()
                                .setName("Synthetic A")
                                .setDateOfBirth(LocalDate.of(1980, 2, 29))
                                .build(),
                        TestSubject.newBuilder()
                                .setName("Synthetic B")
                                .setDateOfBirth(null)
                                .build()))
                .build();
        Map<String, Object> config = Map.of("schema.registry.url", registry.url(), "specific.avro.reader", true);
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
                KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            Object decoded = deserializer.deserialize("dossiers", serializer.serialize("dossiers", original));

            assertThat(decoded).isInstanceOf(TestDossier.class).isEqualTo(original);
            assertThat(decoded.hashCode()).isEqualTo(original.hashCode());
            Set<Object> seen = new HashSet<>(List.of(original));
            assertThat(seen.add(decoded))
                    .as("a decoded duplicate is recognised in a set")
                    .isFalse();
        }
    }
}
