package org.clinicflow.intake.task;

import java.util.Optional;
import org.clinicflow.events.tracking.UscisStatus;

/**
 * What a caseworker is asked to do after filing, and what raised it: a USCIS status that needs
 * a person (evidence requested, mail returned, denied, rejected, a wording nobody mapped, a
 * receipt USCIS does not know), a move after filing (USCIS must be told within 10 days: Form
 * AR-11 and a change of address on each pending case, 8 CFR 265.1), or a card mailed to an
 * address the applicant has left.
 */
public enum TaskKind {
    EVIDENCE_REQUESTED("evidence-requested", "USCIS asked for evidence: prepare the response with the applicant"),
    MAIL_RETURNED("mail-returned", "USCIS's mail came back undelivered: confirm the address and tell USCIS"),
    DENIED("denied", "USCIS denied the application: review the options with the applicant"),
    REJECTED("rejected", "USCIS rejected the filing: correct it and file again"),
    UNKNOWN_STATUS("unknown-status", "USCIS shows a status the clinic does not recognize: read it and decide"),
    RECEIPT_NOT_FOUND("receipt-not-found", "USCIS does not find the receipt number: check it against the notice"),
    UPDATE_USCIS_ADDRESS("update-uscis-address", "Tell USCIS of the move: Form AR-11 and the pending case, within 10 days"),
    CARD_MAILED_AFTER_MOVE("card-mailed-after-move", "The card was mailed after the applicant moved: check forwarding, contact USCIS");

    private final String code;
    private final String title;

    TaskKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The task a USCIS status raises, if it needs a person. */
    public static Optional<TaskKind> forStatus(UscisStatus status) {
        return Optional.ofNullable(switch (status) {
            case EVIDENCE_REQUESTED -> EVIDENCE_REQUESTED;
            case RETURNED -> MAIL_RETURNED;
            case DENIED -> DENIED;
            case REJECTED -> REJECTED;
            case UNKNOWN -> UNKNOWN_STATUS;
            case NOT_FOUND -> RECEIPT_NOT_FOUND;
            default -> null;
        });
    }

    public static Optional<TaskKind> ofCode(String code) {
        for (TaskKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
