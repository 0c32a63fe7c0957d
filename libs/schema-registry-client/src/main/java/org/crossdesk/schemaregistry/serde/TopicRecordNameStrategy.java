package org.crossdesk.schemaregistry.serde;

import org.apache.avro.Schema;

/** {@code <topic>-<fully.qualified.RecordName>}: several event types per topic, one lineage per (topic, type). */
public class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + RecordNameStrategy.recordName(schema, getClass().getSimpleName());
    }
}
