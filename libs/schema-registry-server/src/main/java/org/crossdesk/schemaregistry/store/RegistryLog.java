package org.crossdesk.schemaregistry.store;

import java.util.List;

/**
 * The append side of the store topic. Records become visible only when the reader applies them to the
 * {@link SchemaStore} ({@link SchemaStore#apply}), which is how every write is read back before it is
 * answered.
 */
public interface RegistryLog {

    /**
     * Appends the records in order and returns the offset of the last one once the broker acknowledged
     * them.
     *
     * @throws AppendFailedException when the broker did not take them
     */
    long append(List<RegistryRecord> records);

    /** The broker did not acknowledge a write. */
    class AppendFailedException extends RuntimeException {
        public AppendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The broker refused a record as larger than it accepts. */
    final class RecordTooLargeException extends AppendFailedException {
        public RecordTooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
