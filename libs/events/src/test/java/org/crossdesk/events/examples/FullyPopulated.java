package org.crossdesk.events.examples;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Finds what an example leaves out: walks a record through its schema and reports the path of every
 * null value and every empty list or map. An example with nothing to report exercises every field.
 */
public final class FullyPopulated {

    private FullyPopulated() {}

    /** Paths such as {@code event.submission.reviewOn} of the values {@code record} leaves empty. */
    public static List<String> gapsIn(IndexedRecord record) {
        List<String> gaps = new ArrayList<>();
        walk(record.getSchema(), record, record.getSchema().getName(), gaps);
        return gaps;
    }

    private static void walk(Schema schema, Object value, String path, List<String> gaps) {
        if (schema.getType() == Schema.Type.NULL) {
            return;
        }
        if (value == null) {
            gaps.add(path + " is null");
            return;
        }
        switch (schema.getType()) {
            case UNION -> {
                int branch = SpecificData.get().resolveUnion(schema, value);
                walk(schema.getTypes().get(branch), value, path, gaps);
            }
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) value;
                for (Schema.Field field : schema.getFields()) {
                    walk(field.schema(), record.get(field.pos()), path + "." + field.name(), gaps);
                }
            }
            case ARRAY -> {
                Collection<?> items = (Collection<?>) value;
                if (items.isEmpty()) {
                    gaps.add(path + " is empty");
                }
                int i = 0;
                for (Object item : items) {
                    walk(schema.getElementType(), item, path + "[" + i++ + "]", gaps);
                }
            }
            case MAP -> {
                Map<?, ?> entries = (Map<?, ?>) value;
                if (entries.isEmpty()) {
                    gaps.add(path + " is empty");
                }
                entries.forEach((key, item) -> walk(schema.getValueType(), item, path + "[" + key + "]", gaps));
            }
            default -> {
                // a present primitive or enum value
            }
        }
    }
}
