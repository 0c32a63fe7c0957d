package org.crossdesk.schemaregistry.serde;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Encoder;

/**
 * Writes a record with a writer schema other than its own ({@code use.latest.version}, {@code use.schema.id}),
 * matching fields by name and filling the writer's extra fields from their defaults. Avro's own writers match
 * by position, which writes the wrong field, or fails, as soon as the two schemas differ.
 */
final class ByNameDatumWriter extends GenericDatumWriter<Object> {

    ByNameDatumWriter(Schema writer, GenericData data) {
        super(writer, data);
    }

    @Override
    protected void writeField(Object datum, Schema.Field field, Encoder out, Object state) throws IOException {
        if (!(datum instanceof GenericRecord record) || record.getSchema() == null) {
            super.writeField(datum, field, out, state);
            return;
        }
        Schema.Field own = record.getSchema().getField(field.name());
        Object value;
        if (own != null) {
            value = record.get(own.pos());
        } else if (field.hasDefaultValue()) {
            value = getData().getDefaultValue(field);
        } else {
            throw new AvroRuntimeException("Field '" + field.name() + "' of the writer schema is not in "
                    + record.getSchema().getFullName() + " and has no default");
        }
        write(field.schema(), value, out);
    }
}
