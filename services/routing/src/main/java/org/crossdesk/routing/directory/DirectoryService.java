package org.crossdesk.routing.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crossdesk.events.Topics;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.platform.web.FieldViolation;
import org.crossdesk.platform.web.ProblemException;
import org.crossdesk.routing.access.DeskProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Changes to the directory: validated, written to the compacted topics (the only place the directory
 * lives), and answered once this instance's {@link DirectoryStore} has applied them, so an administrator
 * reads what they wrote. Registering a desk creates its outbox and inbox topics.
 */
public final class DirectoryService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final DirectoryStore store;
    private final KafkaOperations<String, Object> kafka;
    private final DeskProvisioner desks;
    private final Clock clock;

    /** @param desks makes a desk's topics (and, on a cluster with ACLs, its rights) before it enters the directory */
    public DirectoryService(
            DirectoryStore store, KafkaOperations<String, Object> kafka, DeskProvisioner desks, Clock clock) {
        this.store = store;
        this.kafka = kafka;
        this.desks = desks;
        this.clock = clock;
    }

    /** Provisions every desk of the directory again: completes what an outage or another instance left undone. */
    public void provisionAll() {
        List<String> ids =
                store.snapshot().desks().stream().map(DeskProfile::getDeskId).toList();
        if (!ids.isEmpty()) {
            desks.provision(ids);
        }
    }

    public Directory directory() {
        return store.snapshot();
    }

    public List<DeskProfile> desks() {
        return List.copyOf(store.snapshot().desks());
    }

    public List<CooperationAgreement> agreements() {
        return List.copyOf(store.snapshot().agreements());
    }

    public DeskProfile desk(String deskId) {
        return store.snapshot()
                .desk(deskId)
                .orElseThrow(() -> ProblemException.notFound("No desk " + deskId + " in the directory"));
    }

    public CooperationAgreement agreement(String agreementId) {
        return store.snapshot()
                .agreement(agreementId)
                .orElseThrow(() -> ProblemException.notFound("No agreement " + agreementId + " in the directory"));
    }

    /** Registers a new desk: 409 if the id is taken. */
    public DeskProfile createDesk(DeskDocument document) {
        DeskProfile desk = validDesk(document);
        if (store.snapshot().desk(desk.getDeskId()).isPresent()) {
            throw ProblemException.conflict("Desk " + desk.getDeskId() + " already exists; update it with PUT");
        }
        return saveDesk(desk);
    }

    /** Replaces a desk's profile: 404 if unknown. */
    public DeskProfile updateDesk(String deskId, DeskDocument document) {
        desk(deskId);
        if (document != null && document.deskId() != null && !document.deskId().equals(deskId)) {
            throw ProblemException.invalid(List.of(new FieldViolation(
                    "deskId",
                    "ID_MISMATCH",
                    "The body's deskId (" + document.deskId() + ") differs from the path's (" + deskId + ")")));
        }
        return saveDesk(validDesk(document == null ? null : document.withDeskId(deskId)));
    }

    /** Deactivates a desk: it stays in the directory, so past decisions still name it, but receives nothing. */
    public DeskProfile deactivateDesk(String deskId) {
        DeskProfile current = desk(deskId);
        return saveDesk(DeskProfile.newBuilder(current)
                .setActive(false)
                .setUpdatedAt(clock.instant())
                .build());
    }

    /** Registers a new agreement: 409 if the id is taken. */
    public CooperationAgreement createAgreement(AgreementDocument document) {
        CooperationAgreement agreement = validAgreement(document);
        if (store.snapshot().agreement(agreement.getAgreementId()).isPresent()) {
            throw ProblemException.conflict(
                    "Agreement " + agreement.getAgreementId() + " already exists; update it with PUT");
        }
        return saveAgreement(agreement);
    }

    /** Replaces an agreement: 404 if unknown. */
    public CooperationAgreement updateAgreement(String agreementId, AgreementDocument document) {
        agreement(agreementId);
        if (document != null
                && document.agreementId() != null
                && !document.agreementId().equals(agreementId)) {
            throw ProblemException.invalid(List.of(new FieldViolation(
                    "agreementId",
                    "ID_MISMATCH",
                    "The body's agreementId (" + document.agreementId() + ") differs from the path's (" + agreementId
                            + ")")));
        }
        return saveAgreement(validAgreement(document == null ? null : document.withAgreementId(agreementId)));
    }

    /** Suspends an agreement: it stays listed, but no longer gives a legal basis. */
    public CooperationAgreement deactivateAgreement(String agreementId) {
        CooperationAgreement current = agreement(agreementId);
        return saveAgreement(
                CooperationAgreement.newBuilder(current).setActive(false).build());
    }

    /**
     * Writes the seed if the directory topics were empty when this instance started (a fresh installation);
     * otherwise the topics are the directory and the seed is ignored.
     */
    public boolean seedIfEmpty(DirectorySeed seed) {
        if (!store.wasEmptyAtStart() || !store.snapshot().desks().isEmpty()) {
            log.info(
                    "Directory topics hold {}: seed not applied",
                    store.snapshot().sizes());
            return false;
        }
        // Topics first, in one request: once a desk is in the directory, routing may write to its inbox.
        desks.provision(seed.desks().stream().map(DeskProfile::getDeskId).toList());
        Optional<RecordMetadata> last = Optional.empty();
        for (DeskProfile desk : seed.desks()) {
            last = Optional.of(send(Topics.DIRECTORY_DESKS, desk.getDeskId(), desk));
        }
        last.ifPresent(metadata -> awaitApplied(metadata));
        last = Optional.empty();
        for (CooperationAgreement agreement : seed.agreements()) {
            last = Optional.of(send(Topics.DIRECTORY_AGREEMENTS, agreement.getAgreementId(), agreement));
        }
        last.ifPresent(metadata -> awaitApplied(metadata));
        log.info(
                "Directory seeded with {} desks and {} agreements",
                seed.desks().size(),
                seed.agreements().size());
        return true;
    }

    private DeskProfile validDesk(DeskDocument document) {
        DirectoryValidation.Result<DeskProfile> result = DirectoryValidation.desk(document, clock.instant());
        if (!result.isValid()) {
            throw ProblemException.invalid(result.violations());
        }
        List<FieldViolation> broken = DirectoryValidation.deskRules(result.value(), store.snapshot());
        if (!broken.isEmpty()) {
            throw ProblemException.businessRule(broken);
        }
        return result.value();
    }

    private CooperationAgreement validAgreement(AgreementDocument document) {
        DirectoryValidation.Result<CooperationAgreement> result = DirectoryValidation.agreement(document);
        if (!result.isValid()) {
            throw ProblemException.invalid(result.violations());
        }
        return result.value();
    }

    private DeskProfile saveDesk(DeskProfile desk) {
        // Topics first: once the desk is in the directory, routing may send to its inbox at once.
        desks.provision(List.of(desk.getDeskId()));
        awaitApplied(send(Topics.DIRECTORY_DESKS, desk.getDeskId(), desk));
        return desk;
    }

    private CooperationAgreement saveAgreement(CooperationAgreement agreement) {
        awaitApplied(send(Topics.DIRECTORY_AGREEMENTS, agreement.getAgreementId(), agreement));
        return agreement;
    }

    private RecordMetadata send(String topic, String key, Object value) {
        try {
            return kafka.send(topic, key, value)
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the change to " + topic + ": " + e.getMessage(), e);
        }
    }

    private void awaitApplied(RecordMetadata metadata) {
        try {
            store.awaitApplied(
                    new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), WRITE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the directory to apply a change", e);
        } catch (TimeoutException e) {
            // Written and durable; this instance is merely slow to read it back.
            log.warn("{}", e.getMessage());
        }
    }
}
