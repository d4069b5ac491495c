package org.clinicflow.intake.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.web.time.ClinicClock;

/**
 * A saved case's eligibility, decided on the clinic's clock with the current rule book, and
 * announced when it changes: on registration, after a correction, a hold or its lift, an
 * override, a new rule, and each day as clocks pass their thresholds ({@link EligibilityReview}).
 * A case that may not file yet is shown the fees owed on its earliest filing date, the day it
 * will be filed. Tested by {@code EligibilityEventsTest} over the real broker and database.
 */
@ApplicationScoped
public class CaseEligibility {

    private final RuleBooks books;
    private final EligibilityEvents events;
    private final ClinicClock clock;

    CaseEligibility(RuleBooks books, EligibilityEvents events, ClinicClock clock) {
        this.books = books;
        this.events = events;
        this.clock = clock;
    }

    /** The case's decision today with the current book. */
    public CaseDecision decide(Applicant a) {
        return decide(a, books.engine());
    }

    /** The case's decision today with a given engine (a preview's book). */
    public CaseDecision decide(Applicant a, EligibilityEngine engine) {
        LocalDate today = clock.today();
        EligibilityDecision d = engine.decide(a.facts(), today);
        if (d.status() == EligibilityDecision.Status.NOT_YET && d.earliestFilingDate() != null
                && d.earliestFilingDate().isAfter(today)) {
            EligibilityDecision then = engine.decide(a.facts(), d.earliestFilingDate());
            d = new EligibilityDecision(d.category(), d.status(), d.eligibleNow(), d.filingDate(), d.earliestFilingDate(),
                    d.earliestGrantDate(), d.validUntil(), d.asylumFilingDeadline(), d.reasons(), then.fees(),
                    feeRulesOf(d, then), d.ruleBookVersion());
        }
        return new CaseDecision(d, a.holdReference, a.overrideApprovedBy != null);
    }

    /** Decides the case again and, when anything it says changed, stores it and announces it. True when it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean announce(Applicant a, String actor) {
        CaseDecision d = decide(a);
        if (!store(a, d)) {
            return false;
        }
        events.decided(a.id, d, actor);
        return true;
    }

    /**
     * A new case's decision, stored on it before its first save, so the case's row goes in once
     * with it rather than inserted and then updated; {@link #announceNew} publishes it after the
     * registration's own event.
     */
    public CaseDecision decideNew(Applicant a) {
        CaseDecision d = decide(a);
        store(a, d);
        return d;
    }

    /** Publishes the decision {@link #decideNew} stored on a case now saved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceNew(Applicant a, CaseDecision d, String actor) {
        events.decided(a.id, d, actor);
    }

    /** Puts {@code d} on the case when it says something the case does not already say; true when it did. */
    private boolean store(Applicant a, CaseDecision d) {
        String signature = d.signature();
        if (signature.equals(a.eligibilitySignature)) {
            return false;
        }
        a.eligibilitySignature = signature;
        a.eligibilityStatus = d.statusCode();
        a.earliestFilingDate = d.decision().earliestFilingDate();
        a.updatedAt = clock.now();
        return true;
    }

    /** The decision's rule ids with today's fee rows replaced by those of the filing date. */
    private static java.util.List<String> feeRulesOf(EligibilityDecision today, EligibilityDecision then) {
        java.util.Set<String> todaysFees = new java.util.HashSet<>(today.fees().lines().stream()
                .map(EligibilityDecision.FeeLine::ruleId).toList());
        return java.util.stream.Stream.concat(today.ruleIds().stream().filter(id -> !todaysFees.contains(id)),
                then.fees().lines().stream().map(EligibilityDecision.FeeLine::ruleId)).distinct().toList();
    }
}
