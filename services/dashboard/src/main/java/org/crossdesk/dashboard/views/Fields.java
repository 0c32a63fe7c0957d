package org.crossdesk.dashboard.views;

import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads fields by name from either form a value arrives in: the replay's projected generic records
 * (strings as {@code Utf8}, timestamps as epoch millis, enums as symbols) or generated specific records
 * (strings, {@code Instant}s, Java enums). Both implement {@link GenericRecord}.
 */
final class Fields {

    private Fields() {}

    static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    static GenericRecord record(GenericRecord record, String field) {
        return (GenericRecord) record.get(field);
    }

    static List<?> list(GenericRecord record, String field) {
        return (List<?>) record.get(field);
    }

    static boolean bool(GenericRecord record, String field) {
        return (Boolean) record.get(field);
    }

    static int integer(GenericRecord record, String field) {
        return ((Number) record.get(field)).intValue();
    }

    /** A timestamp-millis field as epoch milliseconds. */
    static long millis(GenericRecord record, String field) {
        Object value = record.get(field);
        return value instanceof Instant instant ? instant.toEpochMilli() : ((Number) value).longValue();
    }

    /** An enum field as its Java enum constant (symbols and constants share their names). */
    static <E extends Enum<E>> E symbol(GenericRecord record, String field, Class<E> type) {
        Object value = record.get(field);
        return type.isInstance(value) ? type.cast(value) : Enum.valueOf(type, value.toString());
    }

    /** The simple name of a record's type: which branch of a union it is. */
    static String kind(Object value) {
        return ((GenericRecord) value).getSchema().getName();
    }
}
