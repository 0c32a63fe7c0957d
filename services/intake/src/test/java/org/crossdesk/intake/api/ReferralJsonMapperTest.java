package org.crossdesk.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.examples.ExampleEvents;
import org.crossdesk.events.referral.FugitiveDetails;
import org.crossdesk.events.referral.ReferralSubmission;
import org.crossdesk.intake.cases.SubmissionFingerprint;
import org.crossdesk.intake.validation.KnownDesks;
import org.crossdesk.intake.validation.ReasonCode;
import org.crossdesk.intake.validation.SubmissionValidator;
import org.crossdesk.intake.validation.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON in → the Avro record the outbox carries, and the shape problems only JSON can have. */
class ReferralJsonMapperTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ValidatorFactory BEANS = Validation.buildDefaultValidatorFactory();
    private final SubmissionValidator rules = new SubmissionValidator(
            Clock.fixed(Instant.parse("2026-03-09T10:00:00Z"), ZoneOffset.UTC), KnownDesks.UNKNOWN);
    private final Shapes shapes = new Shapes(BEANS.getValidator());

    @AfterAll
    static void close() {
        BEANS.close();
    }

    @Test
    void theSampleJsonMapsToAValidSubmissionWithTheExamplesContent() throws IOException {
        ReferralJson.Submission json = JSON.treeToValue(sample(), ReferralJson.Submission.class);

        ReferralJsonMapper.Mapped<ReferralSubmission> mapped =
                ReferralJsonMapper.submission(json, "REF-1", "FR-BNRF", "");

        assertThat(shapes.of(json)).isEmpty();
        assertThat(mapped.violations()).isEmpty();
        ReferralSubmission submission = mapped.value();
        assertThat(rules.validate(submission)).isEmpty();
        assertThat(submission.getType()).isEqualTo(ReferralType.FUGITIVE);
        assertThat(submission.getIssuingDesk()).isEqualTo("FR-BNRF");
        FugitiveDetails details = (FugitiveDetails) submission.getDetails();
        assertThat(details.getWarrants().get(0).getMaximumPenaltyMonths()).isEqualTo(240);
        assertThat(details.getWarrants().get(0).getIssuedOn())
                .isEqualTo(ExampleEvents.warrant().getIssuedOn());
        assertThat(submission.getSubjects().get(0).getDateOfBirth())
                .isEqualTo(ExampleEvents.fugitive().getDateOfBirth());
        // The mapped record is a complete Avro record: it encodes (the fingerprint is its binary encoding).
        assertThat(SubmissionFingerprint.of(submission)).hasSize(64);
    }

    @Test
    void equalJsonGivesEqualFingerprintsSoHttpResubmissionsAreRecognised() throws IOException {
        ReferralSubmission a = ReferralJsonMapper.submission(
                        JSON.treeToValue(sample(), ReferralJson.Submission.class), "REF-1", "FR-BNRF", "")
                .value();
        ReferralSubmission b = ReferralJsonMapper.submission(
                        JSON.treeToValue(sample(), ReferralJson.Submission.class), "REF-1", "FR-BNRF", "")
                .value();

        assertThat(SubmissionFingerprint.of(a)).isEqualTo(SubmissionFingerprint.of(b));
    }

    @Test
    void unknownSymbolsAndForeignDetailFieldsAreReportedByPath() throws IOException {
        ObjectNode node = sample();
        node.put("priority", "SOON");
        ((ObjectNode) node.get("subjects").get(0)).put("sex", "M");
        ((ObjectNode) node.get("details")).put("imminence", "DAYS");

        ReferralJsonMapper.Mapped<ReferralSubmission> mapped = ReferralJsonMapper.submission(
                JSON.treeToValue(node, ReferralJson.Submission.class), "REF-1", "FR-BNRF", "");

        assertThat(mapped.violations())
                .extracting(Violation::code, Violation::field)
                .containsExactlyInAnyOrder(
                        tuple(ReasonCode.INVALID_VALUE, "priority"),
                        tuple(ReasonCode.INVALID_VALUE, "subjects[0].sex"),
                        tuple(ReasonCode.DETAILS_TYPE_MISMATCH, "details.imminence"));
        assertThat(mapped.violations().get(0).message()).contains("ROUTINE");
    }

    @Test
    void missingValuesBecomeShapeProblemsNotExceptions() throws IOException {
        ObjectNode node = sample();
        node.remove("legalBasis");
        node.remove("type");
        ((ObjectNode) node.get("details")).remove("extraditionIntended");
        ((ObjectNode) node.get("details").get("warrants").get(0)).remove("issuedOn");

        ReferralJson.Submission json = JSON.treeToValue(node, ReferralJson.Submission.class);
        ReferralJsonMapper.Mapped<ReferralSubmission> mapped =
                ReferralJsonMapper.submission(json, "REF-1", "FR-BNRF", "");

        assertThat(shapes.of(json))
                .extracting(Violation::code, Violation::field)
                .containsExactlyInAnyOrder(
                        tuple(ReasonCode.REQUIRED, "legalBasis"),
                        tuple(ReasonCode.REQUIRED, "type"),
                        tuple(ReasonCode.REQUIRED, "details.warrants[0].issuedOn"));
        // Without a type the details are read as the branch their fields belong to.
        assertThat(mapped.value().getDetails()).isInstanceOf(FugitiveDetails.class);
        assertThat(mapped.violations())
                .extracting(Violation::code, Violation::field)
                .containsExactly(tuple(ReasonCode.REQUIRED, "details.extraditionIntended"));
        assertThat(rules.validate(mapped.value()))
                .extracting(Violation::field)
                .contains("legalBasis", "type", "details.warrants[0].issuedOn");
    }

    private ObjectNode sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/referrals/fugitive.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
