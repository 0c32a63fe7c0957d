package org.crossdesk.events.examples;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.crossdesk.events.AlertIds;
import org.crossdesk.events.Topics;
import org.crossdesk.events.audit.AuditAction;
import org.crossdesk.events.audit.AuditDecision;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.events.audit.AuditResourceType;
import org.crossdesk.events.common.CautionFlag;
import org.crossdesk.events.common.Evaluation;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.common.Handling;
import org.crossdesk.events.common.HandlingCode;
import org.crossdesk.events.common.IdentityDocument;
import org.crossdesk.events.common.IdentityDocumentType;
import org.crossdesk.events.common.LegalBasis;
import org.crossdesk.events.common.LegalBasisType;
import org.crossdesk.events.common.Location;
import org.crossdesk.events.common.NameType;
import org.crossdesk.events.common.Person;
import org.crossdesk.events.common.PersonName;
import org.crossdesk.events.common.PersonRole;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.common.Sex;
import org.crossdesk.events.common.Warrant;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.directory.EscalationContact;
import org.crossdesk.events.inbox.Alert;
import org.crossdesk.events.inbox.AlertAmended;
import org.crossdesk.events.inbox.AlertWithdrawn;
import org.crossdesk.events.inbox.DeadlineNotice;
import org.crossdesk.events.inbox.DeadlineNoticeRole;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.inbox.ReceiptStatus;
import org.crossdesk.events.inbox.RecipientResponse;
import org.crossdesk.events.inbox.ResponseKind;
import org.crossdesk.events.inbox.SubmissionReceipt;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.events.notification.WebhookSubscription;
import org.crossdesk.events.outbox.ActionOutcome;
import org.crossdesk.events.outbox.ActionReport;
import org.crossdesk.events.outbox.AlertAcknowledgement;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.outbox.OutboxMessageKind;
import org.crossdesk.events.outbox.ReferralAmendment;
import org.crossdesk.events.outbox.ReferralWithdrawal;
import org.crossdesk.events.referral.ClosureOutcome;
import org.crossdesk.events.referral.Conveyance;
import org.crossdesk.events.referral.ConveyanceKind;
import org.crossdesk.events.referral.CounterTerrorismDetails;
import org.crossdesk.events.referral.DrugRoute;
import org.crossdesk.events.referral.DrugTraffickingDetails;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.Imminence;
import org.crossdesk.events.referral.QuantityUnit;
import org.crossdesk.events.referral.ReferralAmended;
import org.crossdesk.events.referral.ReferralClosed;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.referral.ReferralRejected;
import org.crossdesk.events.referral.ReferralRouted;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.events.referral.ReferralSubmitted;
import org.crossdesk.events.referral.ReferralWithdrawn;
import org.crossdesk.events.referral.RejectionReason;
import org.crossdesk.events.referral.RoutedRecipient;
import org.crossdesk.events.referral.Substance;
import org.crossdesk.events.referral.ThreatType;
import org.crossdesk.events.referral.WithheldCandidate;
import org.crossdesk.events.referral.WithholdReason;
import org.crossdesk.events.response.AlertAcknowledged;
import org.crossdesk.events.response.AlertActioned;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryChannel;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;

/**
 * Fully populated, realistic example events: every optional field set, every list non-empty. All
 * persons are synthetic. Each call builds fresh objects, so callers may modify what they get.
 *
 * <p>The main story: the French fugitive desk {@value #ISSUER} looks for a French-born subject with
 * German and Spanish nationalities, last seen in Spain; routing sends alerts to {@value #RECIPIENT}
 * and {@value #SECOND_RECIPIENT} and withholds Portugal (excluded by the issuer).
 */
public final class ExampleEvents {

    /** Referral id of the fugitive referral. */
    public static final String REFERRAL_ID = "CD-2026-000123";
    /** The issuing desk's own reference. */
    public static final String DESK_REFERENCE = "BNRF-2026-0417";
    /** Issuing desk (French fugitive search brigade). */
    public static final String ISSUER = "FR-BNRF";
    /** First recipient desk (German federal criminal police). */
    public static final String RECIPIENT = "DE-BKA";
    /** Second recipient desk (Spanish national police fugitive unit). */
    public static final String SECOND_RECIPIENT = "ES-CNP";
    /** Alert id of the referral at {@value #RECIPIENT}. */
    public static final String ALERT_ID = REFERRAL_ID + "/" + RECIPIENT;
    /** When the referral was submitted. */
    public static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T08:15:00Z");

    private ExampleEvents() {}

    // ---------------------------------------------------------------- wrappers, one per union branch

    /** One {@link ReferralEvent} per branch of its union, in union order. */
    public static List<ReferralEvent> referralEvents() {
        return List.of(
                referralEvent(referralSubmitted(), "intake", 1, 11),
                referralEvent(referralRejected(), "intake", 2, 11),
                referralEvent(referralRouted(), "routing", 3, 1),
                referralEvent(referralAmended(), "intake", 4, 12),
                referralEvent(referralWithdrawn(), "intake", 5, 13),
                referralEvent(referralClosed(), "intake", 6, 5));
    }

    /** One {@link OutboxMessage} per branch of its union, in union order. */
    public static List<OutboxMessage> outboxMessages() {
        return List.of(
                outboxMessage(fugitiveSubmission(), ISSUER, 11, 0),
                outboxMessage(referralAmendment(), ISSUER, 12, 0),
                outboxMessage(referralWithdrawal(), ISSUER, 13, 0),
                outboxMessage(alertAcknowledgement(), RECIPIENT, 14, 21),
                outboxMessage(actionReport(), RECIPIENT, 15, 21));
    }

    /** One {@link InboxMessage} per branch of its union, in union order. */
    public static List<InboxMessage> inboxMessages() {
        return List.of(
                inboxMessage(alert(), 21),
                inboxMessage(alertAmended(), 22),
                inboxMessage(alertWithdrawn(), 23),
                inboxMessage(submissionReceipt(), 24),
                inboxMessage(recipientResponse(), 25),
                inboxMessage(deadlineNotice(), 26));
    }

    /** One {@link ResponseEvent} per branch of its union, in union order. */
    public static List<ResponseEvent> responseEvents() {
        return List.of(
                responseEvent(alertDelivered(), 31),
                responseEvent(deliveryFailed(), 32),
                responseEvent(alertAcknowledged(), 33),
                responseEvent(alertActioned(), 34));
    }

    /** Every top-level example: each wrapper branch plus every other topic value. */
    public static List<SpecificRecord> allTopLevelEvents() {
        List<SpecificRecord> all = new ArrayList<>();
        all.addAll(referralEvents());
        all.addAll(outboxMessages());
        all.addAll(inboxMessages());
        all.addAll(responseEvents());
        all.add(deadlineBreached());
        all.add(deskProfile());
        all.add(cooperationAgreement());
        all.add(auditEvent());
        all.add(webhookSubscription());
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- metadata

    /**
     * Metadata of example event number {@code eventNumber} about the example referral, caused by example
     * event number {@code causedBy} (0 stands for the desk officer's action outside Crossdesk).
     */
    public static EventMetadata metadata(String producer, int eventNumber, int causedBy) {
        return EventMetadata.newBuilder()
                .setEventId(eventId(eventNumber))
                .setOccurredAt(SUBMITTED_AT.plusSeconds(eventNumber))
                .setProducer(producer)
                .setCorrelationId(REFERRAL_ID)
                .setCausationId(eventId(causedBy))
                .build();
    }

    /** A stable UUID for example event number {@code n}, so examples are reproducible. */
    public static String eventId(int n) {
        return UUID.nameUUIDFromBytes(("crossdesk-example-" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ---------------------------------------------------------------- submissions

    /** The French fugitive referral: one subject with German and Spanish nationalities, last seen in Spain. */
    public static ReferralSubmission fugitiveSubmission() {
        return ReferralSubmission.newBuilder()
                .setDeskReference(DESK_REFERENCE)
                .setIssuingDesk(ISSUER)
                .setType(ReferralType.FUGITIVE)
                .setPriority(Priority.URGENT)
                .setPurpose("Locate and arrest with a view to surrender to France")
                .setLegalBasis(LegalBasis.newBuilder()
                        .setType(LegalBasisType.EUROPEAN_ARREST_WARRANT)
                        .setReference("Framework Decision 2002/584/JHA, Art. 8")
                        .setDescription("European Arrest Warrant issued for prosecution")
                        .build())
                .setHandling(handling())
                .setEvaluation(Evaluation.newBuilder()
                        .setScheme("EUROPOL_4X4")
                        .setSource("B")
                        .setContent("2")
                        .build())
                .setSummary(
                        "Subject wanted for armed robbery of a jewellery shop in Lyon; believed to have left for Spain"
                                + " by road and to use his German passport.")
                .setSubjects(List.of(fugitive()))
                .setRequestedDesks(List.of(RECIPIENT))
                .setExcludedDesks(List.of("PT-PJ"))
                .setBroadcast(false)
                .setReviewOn(LocalDate.parse("2031-03-02"))
                .setDetails(FugitiveDetails.newBuilder()
                        .setWarrants(List.of(warrant()))
                        .setLastKnownLocations(List.of(Location.newBuilder()
                                .setCountry("ES")
                                .setPlace("Valencia, Cabanyal district")
                                .setSeenAt(Instant.parse("2026-02-26T19:40:00Z"))
                                .setDescription("Seen entering an apartment rented by an associate")
                                .build()))
                        .setExtraditionIntended(true)
                        .setCautions(List.of(CautionFlag.ARMED, CautionFlag.ESCAPE_RISK))
                        .build())
                .build();
    }

    /** A drug trafficking referral: cocaine from Ecuador to France through Spain and Belgium. */
    public static ReferralSubmission drugTraffickingSubmission() {
        return ReferralSubmission.newBuilder(fugitiveSubmission())
                .setDeskReference("OCRTIS-2026-0088")
                .setIssuingDesk("FR-OCRTIS")
                .setType(ReferralType.DRUG_TRAFFICKING)
                .setPriority(Priority.ROUTINE)
                .setPurpose(
                        "Identify the organisation behind a cocaine consignment and coordinate a controlled delivery")
                .setLegalBasis(LegalBasis.newBuilder()
                        .setType(LegalBasisType.EU_DIRECTIVE_2023_977)
                        .setReference("Directive (EU) 2023/977, Art. 4")
                        .setDescription("Information exchange between law enforcement authorities")
                        .build())
                .setSummary("Container of bananas seized at Le Havre held 412 kg of cocaine; the route ran through"
                        + " Algeciras and Antwerp.")
                .setSubjects(List.of(associate()))
                .setRequestedDesks(List.of("BE-FJP"))
                .setDetails(DrugTraffickingDetails.newBuilder()
                        .setSubstances(List.of(Substance.newBuilder()
                                .setName("cocaine hydrochloride")
                                .setQuantity(412.5)
                                .setUnit(QuantityUnit.KILOGRAM)
                                .build()))
                        .setRoute(DrugRoute.newBuilder()
                                .setOriginCountry("EC")
                                .setTransitCountries(List.of("ES", "BE"))
                                .setDestinationCountry("FR")
                                .build())
                        .setConcealment("False floor in a refrigerated container of bananas")
                        .setConveyances(List.of(Conveyance.newBuilder()
                                .setKind(ConveyanceKind.CONTAINER)
                                .setIdentifier("MSCU1234565")
                                .setDescription("40 ft reefer, shipped from Guayaquil")
                                .build()))
                        .setOrganisations(List.of("Synthetic Clan Norte"))
                        .setSeizureReferences(List.of("DOUANE-LH-2026-0311"))
                        .build())
                .build();
    }

    /** A counter-terrorism referral from Germany about attack planning concerning Austria and Switzerland. */
    public static ReferralSubmission counterTerrorismSubmission() {
        return ReferralSubmission.newBuilder(fugitiveSubmission())
                .setDeskReference("BKA-ST-2026-0042")
                .setIssuingDesk(RECIPIENT)
                .setType(ReferralType.COUNTER_TERRORISM)
                .setPriority(Priority.IMMEDIATE)
                .setPurpose("Prevent a planned attack on a public event")
                .setLegalBasis(LegalBasis.newBuilder()
                        .setType(LegalBasisType.INTERPOL_RULES)
                        .setReference("INTERPOL RPD Art. 87")
                        .setDescription("Exchange for the prevention of terrorist offences")
                        .build())
                .setHandling(Handling.newBuilder()
                        .setCode(HandlingCode.H3)
                        .setCaveat(
                                "Intelligence only; no action against the persons named without prior contact with DE-BKA")
                        .build())
                .setSummary("Intercepted messages point to an attack on a Christmas market in the Alpine region.")
                .setSubjects(List.of(associate()))
                .setRequestedDesks(List.of("AT-BKA"))
                .setBroadcast(true)
                .setDetails(CounterTerrorismDetails.newBuilder()
                        .setThreatType(ThreatType.ATTACK_PLANNING)
                        .setImminence(Imminence.WEEKS)
                        .setOrganisation("Synthetic Front")
                        .setTargets(List.of("Christmas markets"))
                        .setSectors(List.of("PUBLIC_EVENTS"))
                        .setCountriesConcerned(List.of("AT", "CH"))
                        .setSanctionsReferences(List.of("EU-SANCT-2026-TEST-01"))
                        .build())
                .build();
    }

    // ---------------------------------------------------------------- referral lifecycle

    public static ReferralSubmitted referralSubmitted() {
        return ReferralSubmitted.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setSubmission(fugitiveSubmission())
                .setReceivedFromTopic(Topics.deskOutboxName(ISSUER))
                .build();
    }

    public static ReferralRejected referralRejected() {
        return ReferralRejected.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setDeskReference(DESK_REFERENCE)
                .setIssuingDesk(ISSUER)
                .setReasons(List.of(rejectionReason()))
                .build();
    }

    public static ReferralRouted referralRouted() {
        return ReferralRouted.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setIssuingDesk(ISSUER)
                .setType(ReferralType.FUGITIVE)
                .setPriority(Priority.URGENT)
                .setRecipients(List.of(
                        routedRecipient(RECIPIENT, "DE", List.of("REQUESTED", "NATIONALITY")),
                        routedRecipient(SECOND_RECIPIENT, "ES", List.of("NATIONALITY", "LAST_KNOWN_LOCATION"))))
                .setWithheld(List.of(withheldCandidate()))
                .build();
    }

    public static ReferralAmended referralAmended() {
        return ReferralAmended.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setVersion(2)
                .setSubmission(amendedSubmission())
                .setReason(amendmentReason())
                .build();
    }

    public static ReferralWithdrawn referralWithdrawn() {
        return ReferralWithdrawn.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setIssuingDesk(ISSUER)
                .setReason(withdrawalReason())
                .setWithdrawnBy("fr-bnrf.officer.17")
                .build();
    }

    public static ReferralClosed referralClosed() {
        return ReferralClosed.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setOutcome(ClosureOutcome.SUBJECT_ARRESTED)
                .setClosedBy("fr-bnrf.officer.17")
                .build();
    }

    // ---------------------------------------------------------------- outbox

    public static ReferralAmendment referralAmendment() {
        return ReferralAmendment.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setReason(amendmentReason())
                .setSubmission(amendedSubmission())
                .build();
    }

    public static ReferralWithdrawal referralWithdrawal() {
        return ReferralWithdrawal.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setReason(withdrawalReason())
                .build();
    }

    public static AlertAcknowledgement alertAcknowledgement() {
        return AlertAcknowledgement.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setAcknowledgedBy("de-bka.duty.3")
                .setNote("Checks on the German passport under way")
                .build();
    }

    public static ActionReport actionReport() {
        return ActionReport.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setOutcome(ActionOutcome.FLAGGED)
                .setDetails("Passport flagged in the national system and in SIS; no trace in Germany so far")
                .build();
    }

    // ---------------------------------------------------------------- inbox

    public static Alert alert() {
        return Alert.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setIssuingDesk(ISSUER)
                .setRecipientDesk(RECIPIENT)
                .setType(ReferralType.FUGITIVE)
                .setPriority(Priority.URGENT)
                .setHandling(handling())
                .setSubmission(fugitiveSubmission())
                .setRoutingReasons(List.of("REQUESTED", "NATIONALITY"))
                .setAckDueAt(SUBMITTED_AT.plus(Duration.ofHours(4)))
                .setResponseDueAt(SUBMITTED_AT.plus(Duration.ofHours(12)))
                .setOnwardForwardingAllowed(false)
                .setEvidentialUseAllowed(true)
                .build();
    }

    public static AlertAmended alertAmended() {
        return AlertAmended.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setVersion(2)
                .setSubmission(amendedSubmission())
                .setReason(amendmentReason())
                .build();
    }

    public static AlertWithdrawn alertWithdrawn() {
        return AlertWithdrawn.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setReason(withdrawalReason())
                .build();
    }

    public static SubmissionReceipt submissionReceipt() {
        return SubmissionReceipt.newBuilder()
                .setDeskReference(DESK_REFERENCE)
                .setReferralId(REFERRAL_ID)
                .setStatus(ReceiptStatus.ROUTED)
                .setReasons(List.of(RejectionReason.newBuilder()
                        .setCode("RECIPIENT_WITHHELD")
                        .setField("excludedDesks[0]")
                        .setMessage("PT-PJ did not receive the referral: excluded by the issuer")
                        .build()))
                .setSubjectOfReceipt(OutboxMessageKind.SUBMISSION)
                .setRecipients(List.of(routedRecipient(RECIPIENT, "DE", List.of("REQUESTED", "NATIONALITY"))))
                .setWithheld(List.of(withheldCandidate()))
                .build();
    }

    public static RecipientResponse recipientResponse() {
        return RecipientResponse.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setRespondingDesk(RECIPIENT)
                .setKind(ResponseKind.ACTIONED)
                .setOutcome(ActionOutcome.FLAGGED)
                .setDetails("Passport flagged in the national system and in SIS")
                .setRespondedAt(SUBMITTED_AT.plus(Duration.ofHours(3)))
                .build();
    }

    public static DeadlineNotice deadlineNotice() {
        return DeadlineNotice.newBuilder()
                .setReferralId(REFERRAL_ID)
                .setAlertId(AlertIds.of(REFERRAL_ID, SECOND_RECIPIENT))
                .setRecipientDesk(SECOND_RECIPIENT)
                .setKind(DeadlineKind.ACKNOWLEDGEMENT)
                .setDueAt(SUBMITTED_AT.plus(Duration.ofHours(4)))
                .setBreachedAt(SUBMITTED_AT.plus(Duration.ofHours(4)).plusSeconds(2))
                .setRole(DeadlineNoticeRole.ISSUER)
                .build();
    }

    // ---------------------------------------------------------------- responses

    public static AlertDelivered alertDelivered() {
        return AlertDelivered.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setRecipientDesk(RECIPIENT)
                .setChannel(DeliveryChannel.WEBHOOK)
                .setDeliveryId("dlv-" + eventId(21))
                .setDeliveredAt(SUBMITTED_AT.plusSeconds(3))
                .setAttempts(2)
                .build();
    }

    public static DeliveryFailed deliveryFailed() {
        return DeliveryFailed.newBuilder()
                .setAlertId(AlertIds.of(REFERRAL_ID, SECOND_RECIPIENT))
                .setReferralId(REFERRAL_ID)
                .setRecipientDesk(SECOND_RECIPIENT)
                .setChannel(DeliveryChannel.WEBHOOK)
                .setDeliveryId("dlv-" + eventId(27))
                .setAttempts(8)
                .setLastError("HTTP 503 Service Unavailable")
                .build();
    }

    public static AlertAcknowledged alertAcknowledged() {
        return AlertAcknowledged.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setRecipientDesk(RECIPIENT)
                .setAcknowledgedBy("de-bka.duty.3")
                .setAcknowledgedAt(SUBMITTED_AT.plus(Duration.ofMinutes(42)))
                .setNote("Checks on the German passport under way")
                .build();
    }

    public static AlertActioned alertActioned() {
        return AlertActioned.newBuilder()
                .setAlertId(ALERT_ID)
                .setReferralId(REFERRAL_ID)
                .setRecipientDesk(RECIPIENT)
                .setOutcome(ActionOutcome.FLAGGED)
                .setDetails("Passport flagged in the national system and in SIS")
                .setActionedAt(SUBMITTED_AT.plus(Duration.ofHours(3)))
                .build();
    }

    // ---------------------------------------------------------------- other topics

    public static DeadlineBreached deadlineBreached() {
        return DeadlineBreached.newBuilder()
                .setMetadata(metadata("notifications", 41, 3))
                .setReferralId(REFERRAL_ID)
                .setAlertId(AlertIds.of(REFERRAL_ID, SECOND_RECIPIENT))
                .setRecipientDesk(SECOND_RECIPIENT)
                .setIssuingDesk(ISSUER)
                .setKind(DeadlineKind.ACKNOWLEDGEMENT)
                .setDueAt(SUBMITTED_AT.plus(Duration.ofHours(4)))
                .setBreachedAt(SUBMITTED_AT.plus(Duration.ofHours(4)).plusSeconds(2))
                .setPriority(Priority.URGENT)
                .setEscalatedTo("guardia.fugitivos@example.es")
                .build();
    }

    public static DeskProfile deskProfile() {
        return DeskProfile.newBuilder()
                .setDeskId(RECIPIENT)
                .setCountry("DE")
                .setAgencyName("Bundeskriminalamt")
                .setReferralTypes(
                        List.of(ReferralType.FUGITIVE, ReferralType.DRUG_TRAFFICKING, ReferralType.COUNTER_TERRORISM))
                .setNationalCentralDesk(true)
                .setEscalationContact(EscalationContact.newBuilder()
                        .setName("BKA duty officer")
                        .setEmail("duty.officer@bka.example.de")
                        .setPhone("+49611550000")
                        .build())
                .setActive(true)
                .setUpdatedAt(Instant.parse("2026-01-15T10:00:00Z"))
                .build();
    }

    /**
     * {@value #RECIPIENT}'s case system subscribed to urgent fugitive alerts and withdrawals. The sealed
     * secret is placeholder bytes: the notifications service seals real ones with its own key.
     */
    public static WebhookSubscription webhookSubscription() {
        return WebhookSubscription.newBuilder()
                .setSubscriptionId(
                        UUID.nameUUIDFromBytes("crossdesk-example-subscription".getBytes(StandardCharsets.UTF_8))
                                .toString())
                .setDeskId(RECIPIENT)
                .setUrl("https://cases.bka.example.de/crossdesk/webhook")
                .setSecretKeyId("5f2c9a1e0b7d3c44")
                .setSealedSecret(
                        ByteBuffer.wrap("nonce-and-sealed-secret-placeholder".getBytes(StandardCharsets.UTF_8)))
                .setReferralTypes(List.of(ReferralType.FUGITIVE))
                .setMinimumPriority(Priority.URGENT)
                .setMessageKinds(List.of(InboxMessageKind.ALERT, InboxMessageKind.ALERT_WITHDRAWN))
                .setDescription("BKA case system, production")
                .setCreatedBy("de-bka-case-system")
                .setCreatedAt(Instant.parse("2026-01-20T09:30:00Z"))
                .build();
    }

    public static CooperationAgreement cooperationAgreement() {
        return CooperationAgreement.newBuilder()
                .setAgreementId("EU-SCHENGEN-POLICE")
                .setName("Schengen police cooperation and European Arrest Warrant")
                .setCountries(List.of("CH", "NO"))
                .setFrameworks(List.of("EU", "SCHENGEN"))
                .setMembers(List.of("AT", "BE", "DE", "ES", "FR", "IT", "NL", "PT"))
                .setCrimeAreas(
                        List.of(ReferralType.FUGITIVE, ReferralType.DRUG_TRAFFICKING, ReferralType.COUNTER_TERRORISM))
                .setLegalBasis(LegalBasis.newBuilder()
                        .setType(LegalBasisType.EU_DIRECTIVE_2023_977)
                        .setReference("Directive (EU) 2023/977")
                        .setDescription("Exchange of information between law enforcement authorities of Member States")
                        .build())
                .setValidFrom(LocalDate.parse("2024-12-12"))
                .setValidTo(LocalDate.parse("2034-12-31"))
                .setActive(true)
                .build();
    }

    public static AuditEvent auditEvent() {
        return AuditEvent.newBuilder()
                .setMetadata(metadata("dashboard", 51, 21))
                .setActor("es-cnp.analyst.9")
                .setActorDesk(SECOND_RECIPIENT)
                .setAction(AuditAction.READ_REFERRAL)
                .setResourceType(AuditResourceType.REFERRAL)
                .setResourceId(REFERRAL_ID)
                .setPurpose("Locate the subject in Valencia")
                .setDecision(AuditDecision.ALLOWED)
                .setReason("Desk is a recipient of the referral")
                .setAt(SUBMITTED_AT.plus(Duration.ofHours(1)))
                .build();
    }

    // ---------------------------------------------------------------- parts

    /** The synthetic fugitive: French-born, German and Spanish nationalities, with an alias. */
    public static Person fugitive() {
        return Person.newBuilder()
                .setPersonId("P1")
                .setNames(List.of(
                        PersonName.newBuilder()
                                .setFamilyName("MOREAU-VIDAL")
                                .setGivenNames(List.of("Julien", "Karl"))
                                .setOriginalScriptName("Julien Karl Moreau-Vidal")
                                .setNameType(NameType.PRIMARY)
                                .build(),
                        PersonName.newBuilder()
                                .setFamilyName("VIDAL")
                                .setGivenNames(List.of("Jules"))
                                .setOriginalScriptName("Jules Vidal")
                                .setNameType(NameType.ALIAS)
                                .build()))
                .setDateOfBirth(LocalDate.parse("1988-06-14"))
                .setPlaceOfBirth("Strasbourg, France")
                .setSex(Sex.MALE)
                .setNationalities(List.of("DE", "ES"))
                .setIdentityDocuments(List.of(IdentityDocument.newBuilder()
                        .setType(IdentityDocumentType.PASSPORT)
                        .setNumber("C01X00T7Y")
                        .setIssuingCountry("DE")
                        .setExpiresOn(LocalDate.parse("2029-09-30"))
                        .build()))
                .setDistinguishingMarks(
                        List.of("Scar above the left eyebrow", "Tattoo of a compass on the right forearm"))
                .setRole(PersonRole.SUBJECT)
                .build();
    }

    /** A synthetic associate with a name in original (Cyrillic) script. */
    public static Person associate() {
        return Person.newBuilder(fugitive())
                .setPersonId("P2")
                .setNames(List.of(PersonName.newBuilder()
                        .setFamilyName("PETROVA")
                        .setGivenNames(List.of("Irina"))
                        .setOriginalScriptName("Ирина Петрова")
                        .setNameType(NameType.PRIMARY)
                        .build()))
                .setDateOfBirth(LocalDate.parse("1991-11-02"))
                .setPlaceOfBirth("Varna, Bulgaria")
                .setSex(Sex.FEMALE)
                .setNationalities(List.of("BG"))
                .setIdentityDocuments(List.of(IdentityDocument.newBuilder()
                        .setType(IdentityDocumentType.NATIONAL_ID_CARD)
                        .setNumber("645123987")
                        .setIssuingCountry("BG")
                        .setExpiresOn(LocalDate.parse("2030-01-31"))
                        .build()))
                .setDistinguishingMarks(List.of("Birthmark on the neck"))
                .setRole(PersonRole.ASSOCIATE)
                .build();
    }

    public static Warrant warrant() {
        return Warrant.newBuilder()
                .setPersonId("P1")
                .setIssuingCountry("FR")
                .setIssuingAuthority("Juge d'instruction, Tribunal judiciaire de Lyon")
                .setReference("MA-LYON-2026-00311")
                .setIssuedOn(LocalDate.parse("2026-02-20"))
                .setCharge("Vol avec arme en bande organisée")
                .setChargeTranslation("Armed robbery by an organised gang")
                .setChargeLanguage("fr")
                .setMaximumPenaltyMonths(240)
                // A suspended sentence from an earlier conviction was revoked; both thresholds are met.
                .setSentenceRemainingMonths(18)
                .setOffenceCategory("ORGANISED_OR_ARMED_ROBBERY")
                .build();
    }

    public static Handling handling() {
        return Handling.newBuilder()
                .setCode(HandlingCode.H2)
                .setCaveat("Not to be passed on to any third country without the consent of FR-BNRF")
                .build();
    }

    public static RejectionReason rejectionReason() {
        return RejectionReason.newBuilder()
                .setCode("BELOW_PENALTY_THRESHOLD")
                .setField("details.warrants[0].maximumPenaltyMonths")
                .setMessage("A prosecution warrant must carry a maximum penalty of at least 24 months")
                .build();
    }

    public static RoutedRecipient routedRecipient(String deskId, String country, List<String> reasons) {
        return RoutedRecipient.newBuilder()
                .setDeskId(deskId)
                .setCountry(country)
                .setReasons(reasons)
                .setAckDueAt(SUBMITTED_AT.plus(Duration.ofHours(4)))
                .setResponseDueAt(SUBMITTED_AT.plus(Duration.ofHours(12)))
                .build();
    }

    public static WithheldCandidate withheldCandidate() {
        return WithheldCandidate.newBuilder()
                .setDeskId("PT-PJ")
                .setCountry("PT")
                .setReason(WithholdReason.EXCLUDED_BY_ISSUER)
                .setDetail("Listed in excludedDesks by the issuer")
                .build();
    }

    /** Version 2 of the fugitive referral: a new last known location. */
    public static ReferralSubmission amendedSubmission() {
        ReferralSubmission original = fugitiveSubmission();
        FugitiveDetails details = FugitiveDetails.newBuilder((FugitiveDetails) original.getDetails())
                .setLastKnownLocations(List.of(Location.newBuilder()
                        .setCountry("ES")
                        .setPlace("Alicante, port area")
                        .setSeenAt(Instant.parse("2026-03-03T06:05:00Z"))
                        .setDescription("Seen boarding a ferry to Oran")
                        .build()))
                .build();
        return ReferralSubmission.newBuilder(original).setDetails(details).build();
    }

    private static String amendmentReason() {
        return "New sighting: subject seen in Alicante on 3 March";
    }

    private static String withdrawalReason() {
        return "Subject surrendered to the French authorities";
    }

    private static ReferralEvent referralEvent(Object event, String producer, int number, int causedBy) {
        return ReferralEvent.newBuilder()
                .setMetadata(metadata(producer, number, causedBy))
                .setEvent(event)
                .build();
    }

    private static OutboxMessage outboxMessage(Object message, String desk, int number, int causedBy) {
        return OutboxMessage.newBuilder()
                .setMetadata(metadata(desk, number, causedBy))
                .setMessage(message)
                .build();
    }

    private static InboxMessage inboxMessage(Object message, int number) {
        return InboxMessage.newBuilder()
                .setMetadata(metadata("routing", number, 3))
                .setMessage(message)
                .build();
    }

    private static ResponseEvent responseEvent(Object event, int number) {
        return ResponseEvent.newBuilder()
                .setMetadata(metadata("notifications", number, 21))
                .setEvent(event)
                .build();
    }
}
