package org.crossdesk.schemaregistry.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** The record's fully-qualified name: several event types per topic, one lineage per type across topics. */
public class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return recordName(schema, getClass().getSimpleName());
    }

    static String recordName(Schema schema, String strategy) {
        if (schema == null || schema.getType() != Schema.Type.RECORD) {
            throw new SerializationException(strategy + " needs a record schema to name the subject, got "
                    + (schema == null ? "none" : schema.getType().getName() + " schema " + schema));
        }
        return schema.getFullName();
    }
}
