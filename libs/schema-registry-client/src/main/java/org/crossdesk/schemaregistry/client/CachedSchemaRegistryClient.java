package org.crossdesk.schemaregistry.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} that caches what the registry cannot change, in front of another client
 * (normally a {@link RestSchemaRegistryClient}). The counterpart of Confluent's
 * {@code CachedSchemaRegistryClient}, with the same constructors.
 *
 * <ul>
 *   <li>id → schema: forever (ids are immutable; soft-deleted versions' ids still resolve).</li>
 *   <li>(subject, schema) → registration answer (id, and version on servers from 7.5), and
 *       (subject, schema) → lookup answer (id and version): until the subject or a version of it is deleted
 *       through this client.</li>
 *   <li>Misses (404 on an id or a lookup) for {@code missing.id.cache.ttl.sec} /
 *       {@code missing.schema.cache.ttl.sec} seconds, so a stream of records with an unknown id does not
 *       hammer the registry.</li>
 *   <li>Everything else (versions, latest, config, mode, lists) is passed through: it can change.</li>
 * </ul>
 *
 * <p><b>Concurrency.</b> Lock-free reads on {@link ConcurrentHashMap}s. Concurrent first calls for the same key
 * are collapsed into one registry call (single flight): 16 threads registering one schema send one
 * {@code POST} and all get its id. A failed call is not cached (except 404s as misses above); the next
 * call tries again.
 *
 * <p>At most {@code max.schemas.per.subject} distinct schemas are cached per subject; beyond that
 * {@link IllegalStateException}, as Confluent's client does, because it almost always means a program creates
 * a new schema per record.
 */
public class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private record Key(String subject, Object schema, int flags) {}

    private record IdKey(int id) {}

    private record Miss(long expiresAtNanos, SchemaRegistryNotFoundException error) {}

    private final SchemaRegistryClient delegate;
    private final int capacityPerSubject;
    private final long missingIdTtlNanos;
    private final long missingSchemaTtlNanos;
    private final int missingCacheSize;

    private final ConcurrentHashMap<Integer, CompletableFuture<RegisteredSchema>> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, CompletableFuture<Schema>> avroById = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<RegisteredSchema>> registered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<RegisteredSchema>> lookedUp = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> schemasPerSubject = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Miss> misses = new ConcurrentHashMap<>();

    /** Caches in front of {@code delegate}, with the default miss TTLs. */
    public CachedSchemaRegistryClient(SchemaRegistryClient delegate, int capacityPerSubject) {
        this(delegate, capacityPerSubject, Map.of());
    }

    /** Caches in front of {@code delegate}; miss TTLs and cache sizes from {@code configs}. */
    public CachedSchemaRegistryClient(SchemaRegistryClient delegate, int capacityPerSubject, Map<String, ?> configs) {
        if (capacityPerSubject <= 0) {
            throw new IllegalArgumentException("capacityPerSubject must be positive, was " + capacityPerSubject);
        }
        ConfigValues c = ConfigValues.of(configs);
        this.delegate = delegate;
        this.capacityPerSubject = capacityPerSubject;
        this.missingIdTtlNanos = TimeUnit.SECONDS.toNanos(c.getLong(
                SchemaRegistryClientConfig.MISSING_ID_CACHE_TTL_SEC,
                SchemaRegistryClientConfig.MISSING_CACHE_TTL_SEC_DEFAULT));
        this.missingSchemaTtlNanos = TimeUnit.SECONDS.toNanos(c.getLong(
                SchemaRegistryClientConfig.MISSING_SCHEMA_CACHE_TTL_SEC,
                SchemaRegistryClientConfig.MISSING_CACHE_TTL_SEC_DEFAULT));
        this.missingCacheSize = c.getInt(
                SchemaRegistryClientConfig.MISSING_CACHE_SIZE, SchemaRegistryClientConfig.MISSING_CACHE_SIZE_DEFAULT);
    }

    /** A REST client for {@code baseUrls} (comma-separated), default settings. */
    public CachedSchemaRegistryClient(String baseUrls, int capacityPerSubject) {
        this(baseUrls, capacityPerSubject, Map.of());
    }

    /** A REST client for {@code baseUrls} (comma-separated) configured from {@code configs}. */
    public CachedSchemaRegistryClient(String baseUrls, int capacityPerSubject, Map<String, ?> configs) {
        this(new RestSchemaRegistryClient(baseUrls, configs), capacityPerSubject, configs);
    }

    public CachedSchemaRegistryClient(List<String> baseUrls, int capacityPerSubject, Map<String, ?> configs) {
        this(new RestSchemaRegistryClient(baseUrls, configs), capacityPerSubject, configs);
    }

    /**
     * A cached REST client configured entirely from a Kafka-style map: {@code schema.registry.url} (required),
     * {@code max.schemas.per.subject} and the other keys of {@link SchemaRegistryClientConfig}.
     */
    public static CachedSchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        int capacity = ConfigValues.of(configs)
                .getInt(
                        SchemaRegistryClientConfig.MAX_SCHEMAS_PER_SUBJECT,
                        SchemaRegistryClientConfig.MAX_SCHEMAS_PER_SUBJECT_DEFAULT);
        return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(configs), capacity, configs);
    }

    // ---------------------------------------------------------------- cached

    @Override
    public RegisteredSchema register(String subject, SchemaDefinition schema, boolean normalize) {
        return load(registered, new Key(subject, schema, normalize ? 1 : 0), () -> {
            admit(subject);
            try {
                RegisteredSchema answer = delegate.register(subject, schema, normalize);
                rememberSchemaOfId(answer, schema);
                return answer;
            } catch (RuntimeException e) {
                release(subject);
                throw e;
            }
        });
    }

    @Override
    public int register(String subject, Schema schema, boolean normalize) {
        RegisteredSchema answer = load(registered, new Key(subject, schema, normalize ? 1 : 0), () -> {
            SchemaDefinition definition = SchemaDefinition.avro(schema);
            RegisteredSchema registration = register(subject, definition, normalize);
            if (registration.id() != null
                    && (registration.schema() == null || registration.schema().equals(definition.schema()))) {
                avroById.putIfAbsent(registration.id(), CompletableFuture.completedFuture(schema));
            }
            return registration;
        });
        return requireId(answer, subject);
    }

    @Override
    public RegisteredSchema lookup(String subject, SchemaDefinition schema, boolean normalize, boolean deleted) {
        Key key = new Key(subject, schema, (normalize ? 1 : 0) | (deleted ? 2 : 0));
        return load(lookedUp, key, () -> {
            throwIfRememberedMiss(key);
            try {
                admit(subject);
                RegisteredSchema answer = delegate.lookup(subject, schema, normalize, deleted);
                rememberSchemaOfId(answer, schema);
                return answer;
            } catch (SchemaRegistryNotFoundException e) {
                release(subject);
                rememberMiss(key, missingSchemaTtlNanos, e);
                throw e;
            }
        });
    }

    @Override
    public int getId(String subject, Schema schema, boolean normalize) {
        return requireId(lookupAvro(subject, schema, normalize), subject);
    }

    @Override
    public int getVersion(String subject, Schema schema, boolean normalize) {
        RegisteredSchema found = lookupAvro(subject, schema, normalize);
        if (found.version() == null) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's lookup answer for subject '" + subject + "' carries no version");
        }
        return found.version();
    }

    @Override
    public RegisteredSchema getById(int id, String subject) {
        return load(byId, id, () -> {
            IdKey key = new IdKey(id);
            throwIfRememberedMiss(key);
            try {
                return delegate.getById(id, subject);
            } catch (SchemaRegistryNotFoundException e) {
                rememberMiss(key, missingIdTtlNanos, e);
                throw e;
            }
        });
    }

    @Override
    public Schema getSchemaBySubjectAndId(String subject, int id) {
        CompletableFuture<Schema> cached = avroById.get(id);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return cached.join();
        }
        return load(avroById, id, () -> AvroSchemas.parse(getById(id, subject), "id " + id, this));
    }

    // ---------------------------------------------------------------- invalidating

    @Override
    public int deleteSchemaVersion(String subject, String version, boolean permanent) {
        try {
            return delegate.deleteSchemaVersion(subject, version, permanent);
        } finally {
            forgetSubject(subject);
        }
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        try {
            return delegate.deleteSubject(subject, permanent);
        } finally {
            forgetSubject(subject);
        }
    }

    // ---------------------------------------------------------------- passed through (may change at any time)

    @Override
    public RegisteredSchema getSubjectVersion(String subject, String version, boolean deleted) {
        return delegate.getSubjectVersion(subject, version, deleted);
    }

    @Override
    public String getRawSchema(String subject, String version) {
        return delegate.getRawSchema(subject, version);
    }

    @Override
    public List<Integer> getAllVersions(String subject, boolean deleted) {
        return delegate.getAllVersions(subject, deleted);
    }

    @Override
    public List<String> getAllSubjects(boolean deleted) {
        return delegate.getAllSubjects(deleted);
    }

    @Override
    public String getRawSchemaById(int id) {
        return delegate.getRawSchemaById(id);
    }

    @Override
    public List<String> getAllSubjectsById(int id) {
        return delegate.getAllSubjectsById(id);
    }

    @Override
    public List<SubjectVersion> getAllVersionsById(int id) {
        return delegate.getAllVersionsById(id);
    }

    @Override
    public List<String> getSchemaTypes() {
        return delegate.getSchemaTypes();
    }

    @Override
    public CompatibilityResult testCompatibility(
            String subject, String version, SchemaDefinition schema, boolean verbose) {
        return delegate.testCompatibility(subject, version, schema, verbose);
    }

    @Override
    public CompatibilityResult testCompatibilityWithAll(String subject, SchemaDefinition schema, boolean verbose) {
        return delegate.testCompatibilityWithAll(subject, schema, verbose);
    }

    @Override
    public String getGlobalCompatibility() {
        return delegate.getGlobalCompatibility();
    }

    @Override
    public String getCompatibility(String subject, boolean defaultToGlobal) {
        return delegate.getCompatibility(subject, defaultToGlobal);
    }

    @Override
    public String updateGlobalCompatibility(String level) {
        return delegate.updateGlobalCompatibility(level);
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        return delegate.updateCompatibility(subject, level);
    }

    @Override
    public String deleteGlobalCompatibility() {
        return delegate.deleteGlobalCompatibility();
    }

    @Override
    public String deleteCompatibility(String subject) {
        return delegate.deleteCompatibility(subject);
    }

    @Override
    public String getMode() {
        return delegate.getMode();
    }

    @Override
    public String getMode(String subject, boolean defaultToGlobal) {
        return delegate.getMode(subject, defaultToGlobal);
    }

    @Override
    public String updateGlobalMode(String mode) {
        return delegate.updateGlobalMode(mode);
    }

    @Override
    public String updateMode(String subject, String mode) {
        return delegate.updateMode(subject, mode);
    }

    @Override
    public String deleteMode(String subject) {
        return delegate.deleteMode(subject);
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachedSchemaRegistryClient(" + delegate + ")";
    }

    // ---------------------------------------------------------------- internals

    private RegisteredSchema lookupAvro(String subject, Schema schema, boolean normalize) {
        return load(lookedUp, new Key(subject, schema, normalize ? 1 : 0), () -> {
            RegisteredSchema found = lookup(subject, SchemaDefinition.avro(schema), normalize, false);
            if (found.id() != null) {
                avroById.putIfAbsent(found.id(), CompletableFuture.completedFuture(schema));
            }
            return found;
        });
    }

    /** What we sent is what the id stands for, unless the registry answered with a different text. */
    private void rememberSchemaOfId(RegisteredSchema answer, SchemaDefinition sent) {
        if (answer != null
                && answer.id() != null
                && (answer.schema() == null || answer.schema().equals(sent.schema()))) {
            byId.putIfAbsent(
                    answer.id(),
                    CompletableFuture.completedFuture(new RegisteredSchema(
                            answer.subject(),
                            answer.version(),
                            answer.id(),
                            sent.schemaType(),
                            sent.schema(),
                            sent.references())));
        }
    }

    /**
     * Single flight: the first caller for a key loads, concurrent callers wait for its answer. Failures are
     * removed so that the next call tries again.
     */
    private static <K, V> V load(ConcurrentHashMap<K, CompletableFuture<V>> cache, K key, Supplier<V> loader) {
        CompletableFuture<V> future = cache.get(key);
        if (future == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            future = cache.putIfAbsent(key, mine);
            if (future == null) {
                try {
                    V value = loader.get();
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    cache.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void admit(String subject) {
        AtomicInteger count = schemasPerSubject.computeIfAbsent(subject, s -> new AtomicInteger());
        if (count.incrementAndGet() > capacityPerSubject) {
            count.decrementAndGet();
            throw new IllegalStateException("Too many schema objects created for subject '" + subject + "': more than "
                    + capacityPerSubject + " distinct schemas (" + SchemaRegistryClientConfig.MAX_SCHEMAS_PER_SUBJECT
                    + "). A new schema per record is usually a bug.");
        }
    }

    private void release(String subject) {
        AtomicInteger count = schemasPerSubject.get(subject);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    private void forgetSubject(String subject) {
        registered.keySet().removeIf(k -> k.subject().equals(subject));
        lookedUp.keySet().removeIf(k -> k.subject().equals(subject));
        misses.keySet().removeIf(k -> k instanceof Key key && key.subject().equals(subject));
        schemasPerSubject.remove(subject);
    }

    private void throwIfRememberedMiss(Object key) {
        Miss miss = misses.get(key);
        if (miss == null) {
            return;
        }
        if (System.nanoTime() - miss.expiresAtNanos() < 0) {
            SchemaRegistryNotFoundException e = miss.error();
            throw new SchemaRegistryNotFoundException(e.status(), e.errorCode(), e.registryMessage());
        }
        misses.remove(key, miss);
    }

    private void rememberMiss(Object key, long ttlNanos, SchemaRegistryNotFoundException e) {
        if (ttlNanos > 0 && misses.size() < missingCacheSize) {
            misses.put(key, new Miss(System.nanoTime() + ttlNanos, e));
        }
    }

    private static int requireId(RegisteredSchema answer, String subject) {
        if (answer == null || answer.id() == null) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.UNPARSEABLE_ERROR_BODY,
                    "The registry's answer for subject '" + subject + "' carries no id");
        }
        return answer.id();
    }
}
