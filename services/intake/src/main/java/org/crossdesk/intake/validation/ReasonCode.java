package org.crossdesk.intake.validation;

/**
 * Stable, machine-readable reason codes. The same code names a problem in an HTTP problem+json
 * {@code errors} entry and in a {@code RejectionReason} of a Kafka receipt or {@code ReferralRejected},
 * so a desk system handles both paths with one table. Codes are part of the public contract: add new
 * ones, never rename or reuse one.
 */
public enum ReasonCode {

    // ---- malformed or missing content (HTTP 400)
    /** A required value is missing or blank. */
    REQUIRED(Kind.MALFORMED),
    /** A text exceeds its maximum length. */
    TOO_LONG(Kind.MALFORMED),
    /** A list exceeds its maximum size. */
    TOO_MANY(Kind.MALFORMED),
    /** Not an ISO 3166-1 alpha-2 country code. */
    INVALID_COUNTRY(Kind.MALFORMED),
    /** Not an ISO 639-1 language code. */
    INVALID_LANGUAGE(Kind.MALFORMED),
    /** Not a well-formed desk id ({@code CC-AGENCY}). */
    INVALID_DESK_ID(Kind.MALFORMED),
    /** A value has the wrong shape (e.g. characters not allowed in a desk reference). */
    INVALID_FORMAT(Kind.MALFORMED),
    /** A value is out of its range or not allowed (non-positive quantity, unknown grade, duplicate id). */
    INVALID_VALUE(Kind.MALFORMED),
    /** The details branch does not match the referral type. */
    DETAILS_TYPE_MISMATCH(Kind.MALFORMED),
    /** The {@code Idempotency-Key} header and the body's desk reference differ. */
    IDEMPOTENCY_KEY_MISMATCH(Kind.MALFORMED),

    // ---- well-formed but against a business rule (HTTP 422)
    /** No warrant meets INTERPOL's threshold (24 months maximum penalty, or 6 months of sentence left). */
    BELOW_PENALTY_THRESHOLD(Kind.BUSINESS_RULE),
    /** A drug route must name at least two distinct countries. */
    ROUTE_TOO_SHORT(Kind.BUSINESS_RULE),
    /** Handling code H3 needs the restriction stated as caveat text. */
    CAVEAT_REQUIRED(Kind.BUSINESS_RULE),
    /** A date of birth, warrant date or sighting lies in the future. */
    FUTURE_DATE(Kind.BUSINESS_RULE),
    /** The review date has already passed. */
    REVIEW_DATE_PASSED(Kind.BUSINESS_RULE),
    /** A desk id is well formed but not in the directory. */
    UNKNOWN_DESK(Kind.BUSINESS_RULE),
    /** A fugitive referral names no person with role SUBJECT. */
    NO_SUBJECT(Kind.BUSINESS_RULE),
    /** A warrant refers to a person id that is not among the subjects. */
    UNKNOWN_PERSON(Kind.BUSINESS_RULE),
    /** A counter-terrorism referral must assess imminence (UNKNOWN is not an assessment). */
    IMMINENCE_REQUIRED(Kind.BUSINESS_RULE),
    /** A desk is both requested and excluded. */
    CONTRADICTORY_DESKS(Kind.BUSINESS_RULE),
    /** An amendment may not change the desk reference, issuing desk or type. */
    IMMUTABLE_FIELD(Kind.BUSINESS_RULE),

    // ---- who may do it (HTTP 403)
    /** The record claims a desk other than the one writing it (outbox topic or authenticated caller). */
    DESK_MISMATCH(Kind.FORBIDDEN),
    /** Only the issuing desk may amend or withdraw a referral. */
    NOT_ISSUER(Kind.FORBIDDEN),
    /** Only a desk that received the alert may acknowledge it or report action on it. */
    NOT_RECIPIENT(Kind.FORBIDDEN),

    // ---- what it refers to (HTTP 404)
    /** No referral with that id is known. */
    UNKNOWN_REFERRAL(Kind.NOT_FOUND),

    // ---- conflicts with the referral's state (HTTP 409)
    /** The desk reference is already used by a different submission of this desk. */
    DESK_REFERENCE_CONFLICT(Kind.CONFLICT),
    /** The referral was withdrawn; it takes no more amendments or responses. */
    REFERRAL_WITHDRAWN(Kind.CONFLICT),
    /** The referral was closed; it takes no more amendments or responses. */
    REFERRAL_CLOSED(Kind.CONFLICT),
    /** The id derived for this record is taken by another referral (an outbox topic was recreated). */
    REFERRAL_ID_COLLISION(Kind.CONFLICT);

    /** Family of a reason: decides the HTTP status and lets clients tell "fix the data" from "ask someone". */
    public enum Kind {
        /** Malformed or missing data: HTTP 400. */
        MALFORMED(400),
        /** Well-formed, but a business rule says no: HTTP 422. */
        BUSINESS_RULE(422),
        /** The caller may not do this: HTTP 403. */
        FORBIDDEN(403),
        /** The referral does not exist: HTTP 404. */
        NOT_FOUND(404),
        /** The referral's state does not allow it: HTTP 409. */
        CONFLICT(409);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status answering a request rejected for a reason of this kind. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    ReasonCode(Kind kind) {
        this.kind = kind;
    }

    /** The family of this reason. */
    public Kind kind() {
        return kind;
    }
}
