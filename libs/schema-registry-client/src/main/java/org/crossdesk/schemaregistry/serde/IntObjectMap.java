package org.crossdesk.schemaregistry.serde;

/**
 * int → V map with lock-free reads and copy-on-write puts. The deserializer looks a plan up per record by
 * schema id; a handful of ids per topic are ever written, so copying on write is cheap and reads neither
 * lock nor box the id.
 */
final class IntObjectMap<V> {

    private static final class Table {
        final int[] keys;
        final Object[] values;
        final int size;

        Table(int capacity, int size) {
            this.keys = new int[capacity];
            this.values = new Object[capacity];
            this.size = size;
        }
    }

    private volatile Table table = new Table(8, 0);

    @SuppressWarnings("unchecked")
    V get(int key) {
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            Object value = t.values[i];
            if (value == null) {
                return null;
            }
            if (t.keys[i] == key) {
                return (V) value;
            }
        }
    }

    synchronized void put(int key, V value) {
        Table old = table;
        boolean replacing = get(key) != null;
        int size = replacing ? old.size : old.size + 1;
        int capacity = old.keys.length;
        while (size * 2 > capacity) {
            capacity <<= 1;
        }
        Table fresh = new Table(capacity, size);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.values[i] != null && old.keys[i] != key) {
                insert(fresh, old.keys[i], old.values[i]);
            }
        }
        insert(fresh, key, value);
        table = fresh;
    }

    private static void insert(Table t, int key, Object value) {
        int mask = t.keys.length - 1;
        int i = mix(key) & mask;
        while (t.values[i] != null) {
            i = (i + 1) & mask;
        }
        t.keys[i] = key;
        t.values[i] = value;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
