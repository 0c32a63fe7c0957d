package org.crossdesk.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Every list a decoded record can hold becomes an ArrayList: in fields, maps, unions and recursive types. */
class ArrayListsTest {

    private static final Schema NODE = new Schema.Parser().parse("""
      {"type":"record","name":"Node","namespace":"org.example","fields":[
        {"name":"name","type":"string"},
        {"name":"tags","type":{"type":"array","items":"string"}},
        {"name":"seen","type":{"type":"array","items":["null",{"type":"int","logicalType":"date"}]}},
        {"name":"byKind","type":{"type":"map","values":{"type":"array","items":{"type":"long","logicalType":"timestamp-millis"}}}},
        {"name":"next","type":["null","Node"],"default":null},
        {"name":"children","type":{"type":"array","items":"Node"}}]}""");

    private static GenericData.Array<Object> avroList(Schema schema, Object... items) {
        GenericData.Array<Object> list = new GenericData.Array<>(items.length, schema);
        list.addAll(Arrays.asList(items));
        return list;
    }

    private static GenericRecord node(String name, GenericRecord next, GenericRecord... children) {
        GenericRecord node = new GenericData.Record(NODE);
        node.put("name", name);
        node.put("tags", avroList(NODE.getField("tags").schema(), "a", "b"));
        node.put("seen", avroList(NODE.getField("seen").schema(), LocalDate.of(2026, 3, 2), null));
        Map<String, Object> byKind = new HashMap<>();
        byKind.put("k", avroList(NODE.getField("byKind").schema().getValueType(), Instant.EPOCH));
        node.put("byKind", byKind);
        node.put("next", next);
        node.put("children", avroList(NODE.getField("children").schema(), (Object[]) children));
        return node;
    }

    @Test
    void replacesListsThatCanHoldLogicalTypesEverywhereAndKeepsTheValues() {
        GenericRecord root = node("root", node("next", null), node("child", null, node("grandchild", null)));

        ArrayLists.planFor(NODE).apply(root);

        assertThat(root.get("seen"))
                .isExactlyInstanceOf(ArrayList.class)
                .isEqualTo(Arrays.asList(LocalDate.of(2026, 3, 2), null));
        assertThat(((Map<?, ?>) root.get("byKind")).get("k"))
                .isExactlyInstanceOf(ArrayList.class)
                .isEqualTo(List.of(Instant.EPOCH));
        assertThat(root.get("tags"))
                .as("plain items compare fine in Avro's list")
                .isInstanceOf(GenericData.Array.class);
        GenericRecord next = (GenericRecord) root.get("next");
        assertThat(next.get("seen")).isExactlyInstanceOf(ArrayList.class);
        assertThat(root.get("children")).isExactlyInstanceOf(ArrayList.class);
        GenericRecord child = (GenericRecord) ((List<?>) root.get("children")).get(0);
        GenericRecord grandchild = (GenericRecord) ((List<?>) child.get("children")).get(0);
        assertThat(grandchild.get("name")).isEqualTo("grandchild");
        assertThat(grandchild.get("seen")).isExactlyInstanceOf(ArrayList.class);
    }

    @Test
    void fixesListsInsideAListThatItselfNeedsNoCopy() {
        Schema outer = new Schema.Parser().parse("""
        {"type":"record","name":"Outer","fields":[{"name":"groups","type":{"type":"array","items":
          {"type":"array","items":{"type":"int","logicalType":"date"}}}}]}""");
        Schema groups = outer.getField("groups").schema();
        GenericRecord record = new GenericData.Record(outer);
        record.put("groups", avroList(groups, avroList(groups.getElementType(), LocalDate.EPOCH)));

        ArrayLists.planFor(outer).apply(record);

        assertThat(((List<?>) record.get("groups")).get(0)).isExactlyInstanceOf(ArrayList.class);
    }

    @Test
    void plansNothingForSchemasWithoutLists() {
        Schema flat = new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"Flat\",\"fields\":["
                                + "{\"name\":\"a\",\"type\":[\"null\",\"string\"]},{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"long\"}}]}");

        assertThat(ArrayLists.planFor(flat)).isNull();
        assertThat(ArrayLists.planFor(Schema.create(Schema.Type.STRING))).isNull();
    }
}
