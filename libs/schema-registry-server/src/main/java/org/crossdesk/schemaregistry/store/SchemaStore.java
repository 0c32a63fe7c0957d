package org.crossdesk.schemaregistry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.crossdesk.schemaregistry.compatibility.CompatibilityChecker;
import org.crossdesk.schemaregistry.compatibility.CompatibilityChecker.PreviousVersion;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.RegistryLog.AppendFailedException;
import org.crossdesk.schemaregistry.store.RegistryRecord.ConfigRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.DeleteSubjectRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.ModeRecord;
import org.crossdesk.schemaregistry.store.RegistryRecord.SchemaRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's behaviour, independent of HTTP and of Kafka: identity, ids, versions, compatibility,
 * deletes, config and mode, with Confluent's error codes (docs/design/schema-registry-api.md §1–§4).
 *
 * <p>Reads are served from the in-memory index. A write decides on the current index, appends its
 * records to the {@link RegistryLog} and returns only once the reader has applied them
 * ({@link #apply}), so every answer reflects the store. Writes to one subject are serialized by a
 * per-subject lock; allocating a new global id additionally takes one registry-wide lock, so that
 * concurrent registrations of one new schema under different subjects still get one id.
 */
public final class SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);
    private static final int MAX_WRITE_ATTEMPTS = 3;

    private final RegistryState state = new RegistryState();
    private final RegistryLog registryLog;
    private final CompatibilityLevel defaultLevel;
    private final long writeTimeoutMillis;
    private final ConcurrentHashMap<String, ReentrantLock> subjectLocks = new ConcurrentHashMap<>();
    private final ReentrantLock idLock = new ReentrantLock();
    private final ReentrantLock globalLock = new ReentrantLock();

    public SchemaStore(RegistryLog registryLog, CompatibilityLevel defaultLevel, Duration writeTimeout) {
        this.registryLog = registryLog;
        this.defaultLevel = defaultLevel;
        this.writeTimeoutMillis = writeTimeout.toMillis();
    }

    // ---- fed by the log reader ------------------------------------------------------------------

    /** Applies one record read from the store topic at {@code offset}. */
    public void apply(RegistryRecord record, long offset) {
        state.apply(record, offset);
    }

    /** Marks an undecodable record at {@code offset} as consumed. */
    public void skip(long offset) {
        state.skip(offset);
    }

    public long appliedOffset() {
        return state.appliedOffset();
    }

    /** Records the replay rule refused or could not read (see {@link RegistryState}). */
    public long ignoredRecords() {
        return state.ignoredRecords();
    }

    // ---- registration and lookup ----------------------------------------------------------------

    /** {@code POST /subjects/{s}/versions}. */
    public SchemaValue register(String subject, SchemaRequest request) {
        validateSubject(subject);
        String schemaType = schemaType(request);
        String canonical = AvroSchemas.parseLenient(
                        nonEmpty(request.schema()), request.references(), this::resolveReference)
                .canonical();

        // Identity comes before the mode and compatibility checks (docs/design/schema-registry-api.md §4.1).
        Optional<SchemaValue> existing = liveMatch(subject, schemaType, canonical, request);
        if (existing.isPresent()) {
            return existing.get();
        }
        return withLock(subjectLock(subject), () -> {
            for (int attempt = 1; ; attempt++) {
                Registration registration = registerLocked(subject, request, schemaType, canonical);
                SchemaValue written = registration.value();
                if (!registration.written()) {
                    return written;
                }
                Optional<SchemaValue> applied = state.version(subject, written.version());
                if (applied.isPresent() && applied.get().sameContentAs(written)) {
                    return applied.get();
                }
                if (attempt == MAX_WRITE_ATTEMPTS) {
                    throw Errors.storeError(
                            "Error while registering the schema: another writer keeps taking"
                                    + " the same version or id on the store topic",
                            null);
                }
                log.warn(
                        "Registration of subject '{}' version {} lost to another writer; retrying",
                        subject,
                        written.version());
            }
        });
    }

    /** The value a registration answers with, and whether it had to be written. */
    private record Registration(SchemaValue value, boolean written) {}

    /** Decides and writes one registration, under the subject's lock. */
    private Registration registerLocked(String subject, SchemaRequest request, String schemaType, String canonical) {
        Mode mode = effectiveMode(subject);
        if (mode.readOnly()) {
            throw Errors.readOnly(subject);
        }
        if (request.explicitId() && mode != Mode.IMPORT) {
            throw Errors.notPermitted("Subject " + subject + " is not in import mode");
        }
        if (!request.explicitId() && mode != Mode.READWRITE) {
            throw Errors.notPermitted("Subject " + subject + " is not in read-write mode");
        }
        Optional<SchemaValue> existing = liveMatch(subject, schemaType, canonical, request);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        List<SchemaValue> versions = state.versions(subject);
        int nextVersion =
                versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        int version = nextVersion;
        if (request.explicitVersion()) {
            if (mode != Mode.IMPORT && request.version() != nextVersion) {
                throw Errors.invalidSchema("Version is not one more than previous version");
            }
            version = request.version();
            if (state.version(subject, version).isPresent()) {
                throw Errors.invalidSchema("Version " + version + " already exists in subject " + subject);
            }
        }
        if (mode != Mode.IMPORT) {
            Schema candidate = AvroSchemas.parseStrict(request.schema(), request.references(), this::resolveReference)
                    .schema();
            List<String> messages =
                    CompatibilityChecker.check(effectiveLevel(subject), candidate, previousVersions(versions));
            if (!messages.isEmpty()) {
                throw Errors.incompatible(subject, messages.toString());
            }
        }
        RegistryState.Identity identity = new RegistryState.Identity(schemaType, canonical, request.references());
        Optional<Integer> knownId = state.idOf(identity);
        if (request.explicitId()) {
            if (knownId.isPresent() && knownId.get().intValue() != request.id()) {
                throw Errors.idDoesNotMatch(knownId.get(), request.id());
            }
            if (knownId.isEmpty() && state.byId(request.id()).isPresent()) {
                throw Errors.idInUse(request.id());
            }
            return write(
                    subject,
                    versions,
                    new SchemaValue(
                            subject, version, request.id(), schemaType, canonical, request.references(), false));
        }
        if (knownId.isPresent()) {
            return write(
                    subject,
                    versions,
                    new SchemaValue(
                            subject, version, knownId.get(), schemaType, canonical, request.references(), false));
        }
        int finalVersion = version;
        return withLock(idLock, () -> {
            // Another subject may have registered the same schema while we waited for the id lock.
            int id = state.idOf(identity).orElseGet(() -> state.maxId() + 1);
            return write(
                    subject,
                    versions,
                    new SchemaValue(subject, finalVersion, id, schemaType, canonical, request.references(), false));
        });
    }

    private Registration write(String subject, List<SchemaValue> versions, SchemaValue value) {
        List<RegistryRecord> records = new ArrayList<>();
        // Like Confluent: re-registering a schema whose only copy here is soft-deleted makes a new version
        // with the same id and removes the older soft-deleted one.
        for (SchemaValue old : versions) {
            if (old.deleted() && old.id() == value.id() && old.version() < value.version()) {
                records.add(new SchemaRecord(subject, old.version(), null));
            }
        }
        records.add(new SchemaRecord(subject, value.version(), value));
        write("Register", records);
        return new Registration(value, true);
    }

    private Optional<SchemaValue> liveMatch(
            String subject, String schemaType, String canonical, SchemaRequest request) {
        if (request.explicitVersion()) {
            return Optional.empty();
        }
        return newestFirst(state.versions(subject)).stream()
                .filter(v -> !v.deleted() && v.sameSchemaAs(schemaType, canonical, request.references()))
                .filter(v -> !request.explicitId() || v.id() == request.id())
                .findFirst();
    }

    /** {@code POST /subjects/{s}}: the version of the subject holding this schema. */
    public SchemaValue lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        if (!hasSubject(subject, includeDeleted)) {
            throw Errors.subjectNotFound(subject);
        }
        String schemaType = schemaType(request);
        String canonical = AvroSchemas.parseLenient(
                        nonEmpty(request.schema()), request.references(), this::resolveReference)
                .canonical();
        return newestFirst(state.versions(subject)).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .filter(v -> v.sameSchemaAs(schemaType, canonical, request.references()))
                .findFirst()
                .orElseThrow(Errors::schemaNotFound);
    }

    // ---- reading subjects and versions ----------------------------------------------------------

    /** {@code GET /subjects}, sorted. */
    public List<String> subjects(String prefix, VersionFilter filter) {
        return state.allVersions().stream()
                .filter(filter::accepts)
                .map(SchemaValue::subject)
                .filter(s -> prefix == null || s.startsWith(prefix))
                .distinct()
                .sorted()
                .toList();
    }

    /** {@code GET /subjects/{s}/versions}, ascending. */
    public List<Integer> versions(String subject, VersionFilter filter, boolean deletedAsNegative) {
        if (!hasSubject(subject, filter != VersionFilter.LIVE)) {
            throw Errors.subjectNotFound(subject);
        }
        return state.versions(subject).stream()
                .filter(filter::accepts)
                .map(v -> deletedAsNegative && v.deleted() ? -v.version() : v.version())
                .toList();
    }

    /** {@code GET /subjects/{s}/versions/{v}}; {@code latest} is the newest live version. */
    public SchemaValue version(String subject, String versionText, boolean includeDeleted) {
        int version = VersionIds.parse(versionText);
        Optional<SchemaValue> found = version == VersionIds.LATEST
                ? latestLive(subject)
                : state.version(subject, version).filter(v -> includeDeleted || !v.deleted());
        return found.orElseThrow(() -> hasSubject(subject, includeDeleted)
                ? Errors.versionNotFound(version)
                : Errors.subjectNotFound(subject));
    }

    /** {@code GET /subjects/{s}/versions/{v}/referencedby}: ids of the schemas referencing that version. */
    public List<Integer> referencedBy(String subject, String versionText) {
        int version = version(subject, versionText, true).version();
        return state.allVersions().stream()
                .filter(v ->
                        v.references().stream().anyMatch(r -> r.subject().equals(subject) && r.version() == version))
                .map(SchemaValue::id)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * {@code GET /subjects/{s}/metadata}: metadata is accepted but not stored, so no version ever
     * matches; the subject must still exist.
     */
    public SchemaValue latestWithMetadata(String subject, boolean includeDeleted) {
        if (!hasSubject(subject, includeDeleted)) {
            throw Errors.subjectNotFound(subject);
        }
        throw Errors.schemaNotFound();
    }

    /** {@code GET /schemas}: every version, sorted by subject then version. */
    public List<SchemaValue> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
        List<SchemaValue> selected = state.allVersions().stream()
                .filter(v -> includeDeleted || !v.deleted())
                .filter(v -> prefix == null || v.subject().startsWith(prefix))
                .sorted(Comparator.comparing(SchemaValue::subject).thenComparingInt(SchemaValue::version))
                .toList();
        if (!latestOnly) {
            return selected;
        }
        List<SchemaValue> latest = new ArrayList<>();
        for (SchemaValue value : selected) {
            if (!latest.isEmpty() && latest.get(latest.size() - 1).subject().equals(value.subject())) {
                latest.set(latest.size() - 1, value);
            } else {
                latest.add(value);
            }
        }
        return latest;
    }

    // ---- schemas by id --------------------------------------------------------------------------

    /** {@code GET /schemas/ids/{id}}: resolves while any subject-version, even soft-deleted, holds it. */
    public StoredSchema schemaById(int id) {
        return state.byId(id)
                .map(entry -> new StoredSchema(entry.id(), entry.schemaType(), entry.schema(), entry.references()))
                .orElseThrow(() -> Errors.schemaNotFound(id));
    }

    public List<String> subjectsForId(int id, boolean includeDeleted) {
        return versionsForId(id, includeDeleted).stream()
                .map(SubjectVersion::subject)
                .distinct()
                .sorted()
                .toList();
    }

    public List<SubjectVersion> versionsForId(int id, boolean includeDeleted) {
        RegistryState.IdEntry entry = state.byId(id).orElseThrow(Errors::schemaNotFound);
        return entry.holders().stream()
                .filter(sv -> includeDeleted
                        || state.version(sv.subject(), sv.version())
                                .map(v -> !v.deleted())
                                .orElse(false))
                .sorted(Comparator.comparing(SubjectVersion::subject).thenComparingInt(SubjectVersion::version))
                .toList();
    }

    // ---- compatibility tests --------------------------------------------------------------------

    /** {@code POST /compatibility/subjects/{s}/versions/{v}}: against that one version. */
    public CompatibilityResult testCompatibility(
            String subject, String versionText, SchemaRequest request, boolean verbose) {
        int version = VersionIds.parse(versionText);
        Optional<SchemaValue> target = version == VersionIds.LATEST
                ? latestLive(subject)
                : state.version(subject, version).filter(v -> !v.deleted());
        if (target.isEmpty() && version != VersionIds.LATEST) {
            throw Errors.versionNotFound(version);
        }
        return test(
                request,
                verbose,
                candidate -> target.map(
                                t -> CompatibilityChecker.checkOne(effectiveLevel(subject), candidate, previous(t)))
                        .orElse(List.of()));
    }

    /** {@code POST /compatibility/subjects/{s}/versions}: exactly the register-time check. */
    public CompatibilityResult testCompatibilityWithAll(String subject, SchemaRequest request, boolean verbose) {
        return test(request, verbose, candidate -> {
            List<SchemaValue> versions = state.versions(subject);
            return CompatibilityChecker.check(effectiveLevel(subject), candidate, previousVersions(versions));
        });
    }

    private interface Check {
        List<String> run(Schema candidate);
    }

    private CompatibilityResult test(SchemaRequest request, boolean verbose, Check check) {
        Schema candidate;
        try {
            schemaType(request);
            candidate = AvroSchemas.parseStrict(
                            nonEmpty(request.schema()), request.references(), this::resolveReference)
                    .schema();
        } catch (RegistryException e) {
            if (verbose && e.errorCode() == 42201) {
                return new CompatibilityResult(false, List.of(e.getMessage()));
            }
            throw e;
        }
        List<String> messages = check.run(candidate);
        return new CompatibilityResult(messages.isEmpty(), messages);
    }

    private List<PreviousVersion> previousVersions(List<SchemaValue> versions) {
        return newestFirst(versions).stream()
                .filter(v -> !v.deleted())
                .map(this::previous)
                .toList();
    }

    private PreviousVersion previous(SchemaValue value) {
        if (!SchemaValue.AVRO.equals(value.schemaType())) {
            // Written by another registry into a shared topic: a different type is never compatible.
            throw Errors.incompatible(
                    value.subject(),
                    "[{errorType:'TYPE_MISMATCH', description:'Incompatible" + " schema type " + value.schemaType()
                            + "'}, {oldSchemaVersion: " + value.version() + "}]");
        }
        return new PreviousVersion(
                value.version(), AvroSchemas.parseStored(value, this::resolveReference), value.schema());
    }

    // ---- deletes --------------------------------------------------------------------------------

    /** {@code DELETE /subjects/{s}/versions/{v}}: returns the deleted version number. */
    public int deleteVersion(String subject, String versionText, boolean permanent) {
        int version = VersionIds.parse(versionText);
        return withLock(subjectLock(subject), () -> {
            if (version != VersionIds.LATEST
                    && !permanent
                    && state.version(subject, version).map(SchemaValue::deleted).orElse(false)) {
                throw Errors.versionSoftDeleted(subject, versionText);
            }
            SchemaValue target = (version == VersionIds.LATEST ? latestLive(subject) : state.version(subject, version))
                    .orElseThrow(() -> hasSubject(subject, true)
                            ? Errors.versionNotFound(version)
                            : Errors.subjectNotFound(subject));
            if (effectiveMode(subject).readOnly()) {
                throw Errors.readOnly(subject);
            }
            checkNotReferenced(subject, List.of(target.version()));
            if (permanent && !target.deleted()) {
                throw Errors.versionNotSoftDeleted(subject, String.valueOf(target.version()));
            }
            List<RegistryRecord> records = new ArrayList<>();
            if (permanent) {
                records.add(new SchemaRecord(subject, target.version(), null));
                if (state.versions(subject).size() == 1) {
                    records.addAll(subjectSettingsTombstones(subject));
                }
            } else {
                records.add(new SchemaRecord(subject, target.version(), target.withDeleted(true)));
            }
            write("Delete Schema Version", records);
            return target.version();
        });
    }

    /** {@code DELETE /subjects/{s}}: returns the deleted versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return withLock(subjectLock(subject), () -> {
            List<SchemaValue> versions = state.versions(subject);
            if (versions.isEmpty()) {
                throw Errors.subjectNotFound(subject);
            }
            boolean anyLive = versions.stream().anyMatch(v -> !v.deleted());
            if (!permanent && !anyLive) {
                throw Errors.subjectSoftDeleted(subject);
            }
            if (effectiveMode(subject).readOnly()) {
                throw Errors.readOnly(subject);
            }
            checkNotReferenced(
                    subject, versions.stream().map(SchemaValue::version).toList());
            if (permanent && anyLive) {
                throw Errors.subjectNotSoftDeleted(subject);
            }
            List<RegistryRecord> records = new ArrayList<>();
            List<Integer> deleted;
            if (permanent) {
                versions.forEach(v -> records.add(new SchemaRecord(subject, v.version(), null)));
                records.addAll(subjectSettingsTombstones(subject));
                deleted = versions.stream().map(SchemaValue::version).toList();
            } else {
                records.add(new DeleteSubjectRecord(
                        subject, versions.get(versions.size() - 1).version()));
                deleted = versions.stream()
                        .filter(v -> !v.deleted())
                        .map(SchemaValue::version)
                        .toList();
            }
            write("Delete Subject", records);
            return deleted;
        });
    }

    /** When a subject loses its last version permanently, its config and mode go with it (docs/design/schema-registry-api.md §4.4). */
    private List<RegistryRecord> subjectSettingsTombstones(String subject) {
        List<RegistryRecord> records = new ArrayList<>();
        if (state.subjectLevel(subject).isPresent()) {
            records.add(new ConfigRecord(subject, null));
        }
        if (state.subjectMode(subject).isPresent()) {
            records.add(new ModeRecord(subject, null));
        }
        return records;
    }

    // ---- config ---------------------------------------------------------------------------------

    public CompatibilityLevel defaultLevel() {
        return defaultLevel;
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    /** Subject level, else global level, else the server default. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject).orElseGet(() -> {
            if (defaultToGlobal) {
                return globalLevel();
            }
            throw Errors.subjectCompatibilityNotConfigured(subject);
        });
    }

    public CompatibilityLevel updateGlobalLevel(String levelName) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelName).orElseThrow(Errors::invalidCompatibilityLevel);
        return withLock(globalLock, () -> {
            if (globalMode().readOnly()) {
                throw Errors.notPermitted("The registry is in read-only mode");
            }
            write("Update config", List.of(new ConfigRecord(null, level)));
            return level;
        });
    }

    /** Returns the previous global level, which is the server default when none was set. */
    public CompatibilityLevel deleteGlobalLevel() {
        return withLock(globalLock, () -> {
            CompatibilityLevel previous = globalLevel();
            if (state.globalLevel().isPresent()) {
                write("Delete config", List.of(new ConfigRecord(null, null)));
            }
            return previous;
        });
    }

    public CompatibilityLevel updateSubjectLevel(String subject, String levelName) {
        validateSubject(subject);
        CompatibilityLevel level = CompatibilityLevel.parse(levelName).orElseThrow(Errors::invalidCompatibilityLevel);
        return withLock(subjectLock(subject), () -> {
            if (effectiveMode(subject).readOnly()) {
                throw Errors.readOnly(subject);
            }
            write("Update config", List.of(new ConfigRecord(subject, level)));
            return level;
        });
    }

    public CompatibilityLevel deleteSubjectLevel(String subject) {
        return withLock(subjectLock(subject), () -> {
            CompatibilityLevel previous =
                    state.subjectLevel(subject).orElseThrow(() -> Errors.subjectNotFound(subject));
            if (effectiveMode(subject).readOnly()) {
                throw Errors.readOnly(subject);
            }
            write("Delete config", List.of(new ConfigRecord(subject, null)));
            return previous;
        });
    }

    // ---- mode -----------------------------------------------------------------------------------

    public Mode globalMode() {
        return state.globalMode().orElse(Mode.READWRITE);
    }

    public Mode effectiveMode(String subject) {
        return state.subjectMode(subject).orElseGet(this::globalMode);
    }

    public Mode subjectMode(String subject, boolean defaultToGlobal) {
        return state.subjectMode(subject).orElseGet(() -> {
            if (defaultToGlobal) {
                return globalMode();
            }
            throw Errors.subjectModeNotConfigured(subject);
        });
    }

    public Mode updateGlobalMode(String modeName, boolean force) {
        Mode mode = parseMode(modeName);
        return withLock(globalLock, () -> {
            if (mode == Mode.IMPORT && !force && state.hasAnySubject()) {
                throw Errors.notPermitted("Cannot import since found existing subjects");
            }
            write("Update mode", List.of(new ModeRecord(null, mode)));
            return mode;
        });
    }

    public Mode updateSubjectMode(String subject, String modeName, boolean force) {
        validateSubject(subject);
        Mode mode = parseMode(modeName);
        return withLock(subjectLock(subject), () -> {
            if (mode == Mode.IMPORT && !force && hasSubject(subject, false)) {
                throw Errors.notPermitted("Cannot import since found existing subjects");
            }
            write("Update mode", List.of(new ModeRecord(subject, mode)));
            return mode;
        });
    }

    public Mode deleteSubjectMode(String subject) {
        return withLock(subjectLock(subject), () -> {
            Mode previous = state.subjectMode(subject).orElseThrow(() -> Errors.subjectNotFound(subject));
            write("Delete mode", List.of(new ModeRecord(subject, null)));
            return previous;
        });
    }

    private static Mode parseMode(String modeName) {
        Mode mode = Mode.parse(modeName).orElseThrow(Errors::invalidMode);
        if (mode == Mode.FORWARD) {
            // FORWARD hands writes to another registry; an embedded single instance has none to hand to.
            throw Errors.notPermitted("Mode FORWARD is not supported by this registry");
        }
        return mode;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void write(String operation, List<RegistryRecord> records) {
        long offset;
        try {
            offset = registryLog.append(records);
        } catch (RegistryLog.RecordTooLargeException e) {
            throw Errors.tooLarge(operation + " operation failed because schema is too large");
        } catch (AppendFailedException e) {
            throw Errors.storeError(operation + " operation failed while writing to the Kafka store", e);
        }
        try {
            if (!state.awaitApplied(offset, writeTimeoutMillis)) {
                throw Errors.timeout(operation + " operation timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.storeError(operation + " operation was interrupted", e);
        }
    }

    private boolean hasSubject(String subject, boolean includeDeleted) {
        return state.versions(subject).stream().anyMatch(v -> includeDeleted || !v.deleted());
    }

    private Optional<SchemaValue> latestLive(String subject) {
        return newestFirst(state.versions(subject)).stream()
                .filter(v -> !v.deleted())
                .findFirst();
    }

    private static List<SchemaValue> newestFirst(List<SchemaValue> ascending) {
        List<SchemaValue> reversed = new ArrayList<>(ascending);
        Collections.reverse(reversed);
        return reversed;
    }

    /** References resolve to any kept version, soft-deleted ones included (like Confluent). */
    private SchemaValue resolveReference(SchemaReference reference) {
        if (reference.name() == null || reference.subject() == null) {
            throw Errors.invalidSchema("Invalid schema reference " + reference + ": name and subject are required");
        }
        return state.version(reference.subject(), reference.version())
                .orElseThrow(() -> Errors.invalidSchema("Invalid schema reference " + reference.name() + ": subject '"
                        + reference.subject() + "' version " + reference.version() + " not found"));
    }

    /** 42206 when a version other than {@code deleting} references one of them. */
    private void checkNotReferenced(String subject, List<Integer> deleting) {
        for (SchemaValue value : state.allVersions()) {
            boolean alsoDeleted = value.subject().equals(subject) && deleting.contains(value.version());
            for (SchemaReference reference : value.references()) {
                if (!alsoDeleted && reference.subject().equals(subject) && deleting.contains(reference.version())) {
                    throw Errors.referenceExists(subject, reference.version());
                }
            }
        }
    }

    private static String schemaType(SchemaRequest request) {
        String type = request.schemaType() == null ? SchemaValue.AVRO : request.schemaType();
        if (!SchemaValue.AVRO.equals(type)) {
            throw Errors.invalidSchema("Invalid schema type " + type);
        }
        return type;
    }

    private static String nonEmpty(String schema) {
        if (schema == null || schema.isBlank()) {
            throw Errors.invalidSchema("Empty schema");
        }
        return schema;
    }

    private static void validateSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.chars().anyMatch(Character::isISOControl)) {
            throw Errors.invalidSubject(subject);
        }
    }

    private ReentrantLock subjectLock(String subject) {
        return subjectLocks.computeIfAbsent(subject, s -> new ReentrantLock());
    }

    private static <T> T withLock(ReentrantLock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
