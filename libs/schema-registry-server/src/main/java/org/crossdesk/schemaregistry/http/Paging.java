package org.crossdesk.schemaregistry.http;

import java.util.List;

/** {@code ?offset=&limit=} on list endpoints; a limit of -1 (the default) means all. */
final class Paging {

    private Paging() {}

    static <T> List<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(Math.max(0, offset), all.size());
        int to = limit < 0 ? all.size() : (int) Math.min(all.size(), (long) from + limit);
        return all.subList(from, to);
    }
}
