package org.crossdesk.schemaregistry.serde;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Replaces the lists of a decoded specific record that can hold logical-type values by plain {@link ArrayList}s,
 * so that decoded records behave as values.
 *
 * <p>Avro 1.12.1's own list class ({@code GenericData.Array}) compares and hashes through the conversion-less
 * {@code GenericData.get()} and throws "Unknown datum type java.time.LocalDate" as soon as a listed record holds
 * an optional date or timestamp (a person's date of birth), so such records cannot be compared, de-duplicated or
 * put in sets. Avro's reader cannot be told to build other lists without giving up its fast reader (it is used
 * only with the exact {@code SpecificData} class, and decoding becomes 2-3 times slower), hence this pass after
 * decoding. It is planned once per reader schema, visits only the fields that can hold a list, and copies only
 * the lists whose items can hold logical-type values: Avro's list compares every other item type correctly.
 */
final class ArrayLists {

    private ArrayLists() {}

    /** The fix-up for values of {@code schema}, or null when the schema holds no list anywhere. */
    static UnaryOperator<Object> planFor(Schema schema) {
        return plan(schema, new IdentityHashMap<>());
    }

    private static UnaryOperator<Object> plan(Schema schema, Map<Schema, UnaryOperator<Object>> planning) {
        switch (schema.getType()) {
            case ARRAY -> {
                UnaryOperator<Object> items = plan(schema.getElementType(), planning);
                if (!holdsLogicalTypes(schema.getElementType(), new IdentityHashMap<>())) {
                    // Avro's list compares plain values correctly: leave it, only fix lists further down.
                    return items == null
                            ? null
                            : value -> {
                                List<Object> list = castList(value);
                                for (int i = 0; i < list.size(); i++) {
                                    Object item = list.get(i);
                                    Object fixed = item == null ? null : items.apply(item);
                                    if (fixed != item) {
                                        list.set(i, fixed);
                                    }
                                }
                                return list;
                            };
                }
                return value -> {
                    List<?> list = (List<?>) value;
                    int size = list.size();
                    ArrayList<Object> copy = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) { // Avro's lists are array-backed: no iterator needed
                        Object item = list.get(i);
                        copy.add(items == null || item == null ? item : items.apply(item));
                    }
                    return copy;
                };
            }
            case MAP -> {
                UnaryOperator<Object> values = plan(schema.getValueType(), planning);
                if (values == null) {
                    return null;
                }
                return value -> {
                    for (Map.Entry<?, Object> entry : castMap(value).entrySet()) {
                        if (entry.getValue() != null) {
                            entry.setValue(values.apply(entry.getValue()));
                        }
                    }
                    return value;
                };
            }
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                List<UnaryOperator<Object>> plans = new ArrayList<>(branches.size());
                boolean any = false;
                for (Schema branch : branches) {
                    UnaryOperator<Object> p = plan(branch, planning);
                    plans.add(p);
                    any |= p != null;
                }
                if (!any) {
                    return null;
                }
                return value -> {
                    for (int i = 0; i < branches.size(); i++) {
                        if (plans.get(i) != null && isOf(branches.get(i), value)) {
                            return plans.get(i).apply(value);
                        }
                    }
                    return value;
                };
            }
            case RECORD -> {
                if (planning.containsKey(schema)) {
                    // Recursive type: the record's plan exists (or is being built); refer to it lazily.
                    return value -> planning.get(schema) == null
                            ? value
                            : planning.get(schema).apply(value);
                }
                planning.put(schema, null);
                List<Schema.Field> fields = schema.getFields();
                int[] positions = new int[fields.size()];
                List<UnaryOperator<Object>> plans = new ArrayList<>();
                int count = 0;
                for (Schema.Field field : fields) {
                    UnaryOperator<Object> p = plan(field.schema(), planning);
                    if (p != null) {
                        positions[count++] = field.pos();
                        plans.add(p);
                    }
                }
                if (count == 0) {
                    planning.remove(schema);
                    return null;
                }
                int n = count;
                UnaryOperator<Object> recordPlan = value -> {
                    IndexedRecord record = (IndexedRecord) value;
                    for (int i = 0; i < n; i++) {
                        Object field = record.get(positions[i]);
                        if (field != null) {
                            Object fixed = plans.get(i).apply(field);
                            if (fixed != field) {
                                record.put(positions[i], fixed);
                            }
                        }
                    }
                    return record;
                };
                planning.put(schema, recordPlan);
                return recordPlan;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Whether values of the schema can hold logical-type objects (LocalDate, Instant, ...), which the
     * conversion-less comparison of Avro's list cannot handle (a ClassCastException or "Unknown datum type").
     */
    private static boolean holdsLogicalTypes(Schema schema, Map<Schema, Boolean> seen) {
        if (schema.getLogicalType() != null) {
            return true;
        }
        if (seen.put(schema, Boolean.TRUE) != null) {
            return false;
        }
        return switch (schema.getType()) {
            case RECORD -> schema.getFields().stream().anyMatch(f -> holdsLogicalTypes(f.schema(), seen));
            case UNION -> schema.getTypes().stream().anyMatch(t -> holdsLogicalTypes(t, seen));
            case ARRAY -> holdsLogicalTypes(schema.getElementType(), seen);
            case MAP -> holdsLogicalTypes(schema.getValueType(), seen);
            default -> false;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object value) {
        return (List<Object>) value;
    }

    private static boolean isOf(Schema branch, Object value) {
        return switch (branch.getType()) {
            case RECORD ->
                value instanceof IndexedRecord r
                        && (r.getSchema() == branch
                                || r.getSchema().getFullName().equals(branch.getFullName()));
            case ARRAY -> value instanceof List;
            case MAP -> value instanceof Map;
            default -> false;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<?, Object> castMap(Object value) {
        return (Map<?, Object>) value;
    }
}
