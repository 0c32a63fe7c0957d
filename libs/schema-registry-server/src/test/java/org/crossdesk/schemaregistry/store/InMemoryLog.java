package org.crossdesk.schemaregistry.store;

import java.util.ArrayList;
import java.util.List;

/** A log that applies each appended record at once, as if the reader were infinitely fast. */
final class InMemoryLog implements RegistryLog {

    private final List<RegistryRecord> records = new ArrayList<>();
    private SchemaStore store;
    private long nextOffset;

    void feeds(SchemaStore store) {
        this.store = store;
    }

    @Override
    public synchronized long append(List<RegistryRecord> appended) {
        for (RegistryRecord record : appended) {
            records.add(record);
            store.apply(record, nextOffset++);
        }
        return nextOffset - 1;
    }

    synchronized List<RegistryRecord> records() {
        return List.copyOf(records);
    }
}
