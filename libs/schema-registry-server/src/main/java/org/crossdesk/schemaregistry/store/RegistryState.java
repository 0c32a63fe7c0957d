package org.crossdesk.schemaregistry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.RegistryRecord.ConfigRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.DeleteSubjectRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.ModeRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.SchemaRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory index rebuilt by replaying the store topic. It is the only mutable state of the
 * registry; every method is synchronized on this object, which also serves as the monitor for
 * "has the reader applied offset N yet".
 *
 * <p>Replay rule (docs/design/schema-registry-api.md §5, "first record wins"): a SCHEMA record that would give an existing
 * subject-version different content, give a used id to a different schema, or give a known schema a
 * second id is ignored. Our own writes never trigger it; it keeps the index consistent if a second,
 * misconfigured instance ever writes to the same topic, and lets a writer detect that it lost.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    /** A schema by id, with the subject-versions (live or soft-deleted) that carry it. */
    record IdEntry(
            int id, String schemaType, String schema, List<SchemaReference> references, Set<SubjectVersion> holders) {

        Identity identity() {
            return new Identity(schemaType, schema, references);
        }
    }

    /** Identity of a schema: type, canonical text and references (metadata and rule sets are not kept). */
    record Identity(String schemaType, String schema, List<SchemaReference> references) {

        static Identity of(SchemaValue value) {
            return new Identity(value.schemaType(), value.schema(), value.references());
        }
    }

    private final Map<String, NavigableMap<Integer, SchemaValue>> subjects = new TreeMap<>();
    private final Map<Integer, IdEntry> byId = new HashMap<>();
    private final Map<Identity, Integer> idByIdentity = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, Mode> subjectModes = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private Mode globalMode;
    private int maxId;
    private long appliedOffset = -1;
    private long ignoredRecords;

    // ---- applying the log ----------------------------------------------------------------------

    synchronized void apply(RegistryRecord record, long offset) {
        if (record instanceof SchemaRecord r) {
            applySchema(r);
        } else if (record instanceof ConfigRecord r) {
            if (r.subject() == null) {
                globalLevel = r.level();
            } else if (r.level() == null) {
                subjectLevels.remove(r.subject());
            } else {
                subjectLevels.put(r.subject(), r.level());
            }
        } else if (record instanceof ModeRecord r) {
            if (r.subject() == null) {
                globalMode = r.mode();
            } else if (r.mode() == null) {
                subjectModes.remove(r.subject());
            } else {
                subjectModes.put(r.subject(), r.mode());
            }
        } else if (record instanceof DeleteSubjectRecord r) {
            NavigableMap<Integer, SchemaValue> versions = subjects.get(r.subject());
            if (versions != null) {
                versions.headMap(r.version(), true).replaceAll((v, value) -> value.withDeleted(true));
            }
        }
        // Ignored: NOOP barriers and key types we do not use carry nothing for this index.
        advanceTo(offset);
    }

    /** The reader consumed a record it could not decode: nothing to apply, but writers may stop waiting. */
    synchronized void skip(long offset) {
        ignoredRecords++;
        advanceTo(offset);
    }

    private void advanceTo(long offset) {
        if (offset > appliedOffset) {
            appliedOffset = offset;
            notifyAll();
        }
    }

    private void applySchema(SchemaRecord record) {
        NavigableMap<Integer, SchemaValue> versions = subjects.get(record.subject());
        SchemaValue existing = versions == null ? null : versions.get(record.version());
        SchemaValue value = record.value();
        if (value == null) {
            if (existing != null) {
                versions.remove(record.version());
                if (versions.isEmpty()) {
                    subjects.remove(record.subject());
                }
                release(existing);
            }
            return;
        }
        if (!value.subject().equals(record.subject()) || value.version() != record.version()) {
            ignore("its key and value disagree", value);
            return;
        }
        if (existing != null) {
            if (existing.sameContentAs(value)) {
                versions.put(record.version(), value);
            } else {
                ignore("subject-version already holds a different schema", value);
            }
            return;
        }
        Identity identity = Identity.of(value);
        IdEntry holderOfId = byId.get(value.id());
        if (holderOfId != null && !holderOfId.identity().equals(identity)) {
            ignore("id already used by a different schema", value);
            return;
        }
        Integer knownId = idByIdentity.get(identity);
        if (knownId != null && knownId != value.id()) {
            ignore("schema already registered under id " + knownId, value);
            return;
        }
        subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>()).put(record.version(), value);
        IdEntry stored = byId.computeIfAbsent(
                value.id(),
                id -> new IdEntry(id, value.schemaType(), value.schema(), value.references(), new LinkedHashSet<>()));
        stored.holders().add(new SubjectVersion(value.subject(), value.version()));
        idByIdentity.put(identity, value.id());
        maxId = Math.max(maxId, value.id());
    }

    private void release(SchemaValue removed) {
        IdEntry stored = byId.get(removed.id());
        if (stored == null) {
            return;
        }
        stored.holders().remove(new SubjectVersion(removed.subject(), removed.version()));
        if (stored.holders().isEmpty()) {
            // Nobody carries the id any more: it stops resolving (40403), and the schema gets a new id
            // if it is ever registered again. maxId is kept so the id is not reused while we run.
            byId.remove(removed.id());
            idByIdentity.remove(stored.identity());
        }
    }

    private void ignore(String reason, SchemaValue value) {
        ignoredRecords++;
        log.warn(
                "Ignoring SCHEMA record for subject '{}' version {} id {}: {} (first record wins)",
                value.subject(),
                value.version(),
                value.id(),
                reason);
    }

    // ---- waiting for the reader -----------------------------------------------------------------

    synchronized long appliedOffset() {
        return appliedOffset;
    }

    synchronized long ignoredRecords() {
        return ignoredRecords;
    }

    /** Waits until the record at {@code offset} has been applied; false on timeout. */
    synchronized boolean awaitApplied(long offset, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (appliedOffset < offset) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return false;
            }
            wait(remaining);
        }
        return true;
    }

    // ---- queries (all return copies) ----------------------------------------------------------

    synchronized List<SchemaValue> versions(String subject) {
        NavigableMap<Integer, SchemaValue> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    synchronized Optional<SchemaValue> version(String subject, int version) {
        NavigableMap<Integer, SchemaValue> versions = subjects.get(subject);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    synchronized List<String> subjectNames() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<SchemaValue> allVersions() {
        List<SchemaValue> all = new ArrayList<>();
        subjects.values().forEach(versions -> all.addAll(versions.values()));
        return all;
    }

    synchronized Optional<IdEntry> byId(int id) {
        IdEntry stored = byId.get(id);
        return Optional.ofNullable(
                stored == null
                        ? null
                        : new IdEntry(
                                stored.id(),
                                stored.schemaType(),
                                stored.schema(),
                                stored.references(),
                                new LinkedHashSet<>(stored.holders())));
    }

    synchronized Optional<Integer> idOf(Identity identity) {
        return Optional.ofNullable(idByIdentity.get(identity));
    }

    synchronized int maxId() {
        return maxId;
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized Optional<Mode> globalMode() {
        return Optional.ofNullable(globalMode);
    }

    synchronized Optional<Mode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    synchronized boolean hasAnySubject() {
        return subjects.values().stream().anyMatch(v -> v.values().stream().anyMatch(s -> !s.deleted()));
    }
}
