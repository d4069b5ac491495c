package org.clinicflow.events.tracking;

import java.util.Arrays;
import java.util.Optional;

/**
 * The clinic's codes for USCIS case statuses, carried by {@link CaseStatusChangedV1}. Each says
 * whether a caseworker must act ({@link #needsAttention}) and whether the applicant gets a
 * neutral SMS ({@link #textsApplicant}); a final status ends the tracking. {@code UNKNOWN} is a
 * wording the tracker has no rule for, {@code NOT_FOUND} a receipt number USCIS does not know.
 */
public enum UscisStatus {
    RECEIVED("received", false, false, false),
    IN_REVIEW("in-review", false, false, false),
    EVIDENCE_REQUESTED("evidence-requested", true, false, false),
    EVIDENCE_RECEIVED("evidence-received", false, false, false),
    APPROVED("approved", false, true, false),
    CARD_PRODUCED("card-produced", false, false, false),
    CARD_MAILED("card-mailed", false, true, false),
    CARD_DELIVERED("card-delivered", false, false, true),
    RETURNED("returned", true, false, false),
    DENIED("denied", true, false, true),
    REJECTED("rejected", true, false, true),
    UNKNOWN("unknown", true, false, false),
    NOT_FOUND("not-found", true, false, false);

    private final String code;
    private final boolean needsAttention;
    private final boolean textsApplicant;
    private final boolean closesTracking;

    UscisStatus(String code, boolean needsAttention, boolean textsApplicant, boolean closesTracking) {
        this.code = code;
        this.needsAttention = needsAttention;
        this.textsApplicant = textsApplicant;
        this.closesTracking = closesTracking;
    }

    public String code() {
        return code;
    }

    /** A caseworker task follows: evidence requested, mail returned, denied, rejected, or a wording nobody mapped. */
    public boolean needsAttention() {
        return needsAttention;
    }

    /** The applicant is texted (neutrally): approved, card mailed. */
    public boolean textsApplicant() {
        return textsApplicant;
    }

    /** Nothing more will change that the clinic acts on: the card arrived, or the case ended. */
    public boolean closesTracking() {
        return closesTracking;
    }

    public static Optional<UscisStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
