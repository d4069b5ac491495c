package org.clinicflow.intake.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Set;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.eligibility.CaseEligibility;
import org.clinicflow.intake.stage.Stage;

/**
 * Puts one case on hold for a policy action, or lifts that hold, in the caller's transaction:
 * the stage, the audit entry and the eligibility event (which makes scheduling release the
 * appointment and notification send the neutral "contact the clinic" SMS) commit together. A
 * case already on hold is not held again, so a second run changes nothing. Lifting returns the
 * case to where it can go on: ready to book when its documents are ready (its appointment was
 * released), otherwise the stage it had. Tested by {@code PolicyActionTest}.
 */
@ApplicationScoped
public class Holds {

    /** Stages whose appointment a hold releases: after the lift the case is booked again. */
    private static final Set<Stage> HAD_APPOINTMENT = EnumSet.of(Stage.READY_TO_BOOK, Stage.BOOKED, Stage.CHECKED_IN,
            Stage.NO_SHOW);

    private final CaseEligibility eligibility;
    private final AuditLog audit;

    Holds(CaseEligibility eligibility, AuditLog audit) {
        this.eligibility = eligibility;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hold(Applicant a, String reference, String reason, String actor) {
        if (a.holdReference != null || a.stage().isFinal() || a.stage() == Stage.ON_HOLD) {
            return false;
        }
        a.stageBeforeHold = a.stageCode;
        a.moveTo(Stage.ON_HOLD);
        a.holdReason = reason;
        a.holdReference = reference;
        audit.record(a.id, actor, "policy-hold", reference + " " + reason);
        eligibility.announce(a, actor);
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lift(Applicant a, Set<String> references, String actor) {
        if (a.holdReference == null || !references.contains(a.holdReference)) {
            return false;
        }
        Stage before = a.stageBeforeHold == null ? Stage.REGISTERED : Stage.fromCode(a.stageBeforeHold).orElse(Stage.REGISTERED);
        Stage to = HAD_APPOINTMENT.contains(before) ? (a.documentsReady ? Stage.READY_TO_BOOK : Stage.DOCUMENTS_PENDING)
                : a.documentsReady && before != Stage.ON_HOLD ? Stage.READY_TO_BOOK : before;
        audit.record(a.id, actor, "policy-lift", a.holdReference);
        a.moveTo(to);
        a.holdReason = null;
        a.holdReference = null;
        a.stageBeforeHold = null;
        eligibility.announce(a, actor);
        return true;
    }
}
