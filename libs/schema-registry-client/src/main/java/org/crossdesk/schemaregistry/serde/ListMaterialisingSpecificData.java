package org.crossdesk.schemaregistry.serde;

import java.util.ArrayList;

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
 */
final class ListMaterialisingSpecificData extends SpecificData {

    static final ListMaterialisingSpecificData INSTANCE =
            new ListMaterialisingSpecificData(ListMaterialisingSpecificData.class.getClassLoader());

    private ListMaterialisingSpecificData(ClassLoader classLoader) {
        super(classLoader);
        addLogicalTypeConversion(new TimeConversions.DateConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
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
