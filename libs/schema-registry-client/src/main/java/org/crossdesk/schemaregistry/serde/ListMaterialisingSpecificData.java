package org.crossdesk.schemaregistry.serde;

import java.util.ArrayList;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The model behind every specific read: decoded lists are plain {@link ArrayList}s.
 *
 * <p>Avro 1.12.1's own list class fails in {@code equals}/{@code hashCode} with "Unknown datum type
 * java.time.LocalDate" as soon as a listed record holds an optional date or timestamp (a person's
 * date of birth, a sighting time), so records read with it cannot be compared, de-duplicated or put
 * in sets. Avro's reader asks the model for new lists, hence the override here and not on the reader.
 *
 * <p>Built on the generated class's own model ({@link #basedOn}): its class loader finds the generated
 * classes even when they live in a child loader (plugin isolation, a dev-tools restart loader), and its
 * conversions (decimal, uuid, local timestamps) keep the field types the class was generated with.
 */
final class ListMaterialisingSpecificData extends SpecificData {

    private ListMaterialisingSpecificData(ClassLoader classLoader) {
        super(classLoader);
        addLogicalTypeConversion(new TimeConversions.DateConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    }

    /** A list-materialising model with {@code base}'s class loader and logical-type conversions. */
    static SpecificData basedOn(SpecificData base) {
        ListMaterialisingSpecificData model = new ListMaterialisingSpecificData(base.getClassLoader());
        for (Conversion<?> conversion : base.getConversions()) {
            model.addLogicalTypeConversion(conversion);
        }
        return model;
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        if (old instanceof ArrayList<?> list) {
            list.clear();
            return list;
        }
        return new ArrayList<>(size);
    }
}
