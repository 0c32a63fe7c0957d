package org.crossdesk.schemaregistry.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default, and Crossdesk's rule). */
public class TopicNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        if (topic == null) {
            throw new SerializationException("TopicNameStrategy needs a topic to name the subject, got none");
        }
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public boolean usesSchema() {
        return false;
    }
}
