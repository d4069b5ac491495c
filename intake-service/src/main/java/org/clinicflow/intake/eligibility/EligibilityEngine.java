package org.clinicflow.intake.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinicflow.intake.eligibility.EligibilityDecision.Status;

/**
 * Decides I-765 eligibility from the rule book, for one applicant and one filing date: the
 * asylum clock for (c)(8), the parole end date and parole-program terminations for (c)(11),
 * TPS designations for (a)(12)/(c)(19), and the fees. A fact it needs but lacks, or a
 * designation it has no row for, makes the answer UNDETERMINED with a reason: it never
 * guesses. Pure and deterministic; pinned to its sources by {@code EligibilityEngineTest}.
 */
public final class EligibilityEngine {

    private final RuleBook book;

    public EligibilityEngine(RuleBook book) {
        this.book = book;
    }

    public RuleBook ruleBook() {
        return book;
    }

    public EligibilityDecision decide(ApplicantFacts facts, LocalDate filingDate) {
        Outcome outcome = new Outcome(filingDate);
        switch (facts.category()) {
            case C8 -> asylumClock(facts, outcome);
            case C11 -> parole(facts, outcome);
            case A12, C19 -> tps(facts, outcome);
            default -> throw new IllegalArgumentException("no rules for " + facts.category());
        }
        EligibilityDecision.Fees fees = FeeCalculator.fees(book, facts, filingDate, outcome.ruleIds);
        return new EligibilityDecision(facts.category().code(), outcome.status, outcome.status == Status.ELIGIBLE,
                filingDate, outcome.earliest, outcome.earliestGrant, outcome.validUntil, outcome.deadline,
                List.copyOf(outcome.reasons), fees, List.copyOf(outcome.ruleIds), book.version());
    }

    private void asylumClock(ApplicantFacts facts, Outcome out) {
        for (Rule deadline : book.inForce("asylum-deadline", Category.C8, out.date)) {
            out.ruleIds.add(deadline.id());
            if (facts.lastArrivalOn() != null) {
                out.deadline = facts.lastArrivalOn().plusYears(deadline.years());
                LocalDate filed = facts.asylumLodgedOn() != null ? facts.asylumLodgedOn() : facts.asylumFiledOn();
                if (filed != null && filed.isAfter(out.deadline)) {
                    out.reasons.add("The I-589 was filed after the one-year deadline (" + out.deadline
                            + "): the asylum case needs an exception; the work permit clock is not affected.");
                } else if (filed == null) {
                    out.reasons.add("The I-589 must be filed by " + out.deadline + " (one year after the last arrival).");
                }
            }
        }
        Rule clock = single("asylum-clock", Category.C8, out);
        if (clock == null) {
            return;
        }
        // For immigration-court cases the clock starts when the I-589 was lodged with EOIR.
        LocalDate start = facts.asylumLodgedOn() != null ? facts.asylumLodgedOn() : facts.asylumFiledOn();
        if (start == null) {
            out.undetermined("The date the I-589 was received (or lodged with the immigration court) is needed to start the 150-day clock.");
            return;
        }
        int stopped = Math.max(0, facts.clockStoppedDays());
        out.earliest = start.plusDays(clock.waitDays() + stopped);
        out.earliestGrant = start.plusDays(clock.grantAfterDays() + stopped);
        if (out.date.isBefore(out.earliest)) {
            out.status = Status.NOT_YET;
            out.reasons.add("The 150-day asylum clock " + (stopped > 0 ? "(plus " + stopped + " days the applicant's own delays stopped it) " : "")
                    + "allows filing from " + out.earliest + ".");
        } else {
            out.status = Status.ELIGIBLE;
        }
    }

    private void parole(ApplicantFacts facts, Outcome out) {
        Rule validity = single("parole-validity", Category.C11, out);
        if (validity == null) {
            return;
        }
        if (facts.paroleEndDate() == null) {
            out.undetermined("The parole end date (from the I-94) is needed.");
            return;
        }
        if (facts.paroleEndDate().isBefore(out.date)) {
            out.status = Status.INELIGIBLE;
            out.reasons.add("Parole ended on " + facts.paroleEndDate() + ": category (c)(11) needs parole in effect.");
            return;
        }
        out.status = Status.ELIGIBLE;
        out.earliest = out.date;
        out.validUntil = facts.paroleEndDate();
        out.reasons.add("A (c)(11) work permit would be valid until the parole end date, " + facts.paroleEndDate() + ", at the latest.");
        String program = facts.paroleProgram() == null ? null : facts.paroleProgram().toLowerCase(Locale.ROOT);
        for (Rule termination : book.inForce("parole-termination", Category.C11, out.date)) {
            if (termination.paroleProgram().equals(program)) {
                out.ruleIds.add(termination.id());
                out.status = Status.ON_HOLD;
                out.reasons.add("Parole terminations under this program (" + termination.effectiveFrom()
                        + "): check whether the applicant received a termination notice before filing.");
            }
        }
    }

    private void tps(ApplicantFacts facts, Outcome out) {
        if (facts.tpsCountry() == null) {
            out.undetermined("The TPS country is needed.");
            return;
        }
        String country = facts.tpsCountry().toUpperCase(Locale.ROOT);
        List<Rule> designations = book.ofKind("tps-designation", facts.category()).stream()
                .filter(r -> country.equals(r.country())).toList();
        if (designations.isEmpty()) {
            out.undetermined("No TPS designation for " + country + " is on file in the rule book: check the current Federal Register notice and add it.");
            return;
        }
        Rule current = designations.get(designations.size() - 1);
        out.ruleIds.add(current.id());
        if (current.terminatedOn() != null && !out.date.isBefore(current.terminatedOn())) {
            out.status = Status.INELIGIBLE;
            out.reasons.add("The " + country + " TPS designation " + current.designation() + " ended on " + current.terminatedOn() + ".");
            return;
        }
        if (current.registrationOpens() != null && out.date.isBefore(current.registrationOpens())) {
            out.status = Status.NOT_YET;
            out.earliest = current.registrationOpens();
            out.reasons.add("Registration opens on " + current.registrationOpens() + ".");
            return;
        }
        if (current.registrationCloses() != null && out.date.isAfter(current.registrationCloses())) {
            out.status = Status.INELIGIBLE;
            out.reasons.add("Registration closed on " + current.registrationCloses() + " (late filing needs a person to review).");
            return;
        }
        out.status = Status.ELIGIBLE;
        out.earliest = out.date;
        out.reasons.add("File with or after the I-821; continuous residence and physical presence dates must be checked against the notice.");
        if (current.terminatedOn() != null) {
            out.validUntil = current.terminatedOn();
        }
    }

    /** The one rule of a kind in force; none in force makes the answer UNDETERMINED. */
    private Rule single(String kind, Category category, Outcome out) {
        List<Rule> rules = book.inForce(kind, category, out.date);
        if (rules.isEmpty()) {
            out.undetermined("No " + kind + " rule is in force on " + out.date + " for " + category.formNotation() + ".");
            return null;
        }
        Rule rule = rules.get(rules.size() - 1);
        out.ruleIds.add(rule.id());
        return rule;
    }

    private static final class Outcome {
        final LocalDate date;
        final List<String> reasons = new ArrayList<>();
        final List<String> ruleIds = new ArrayList<>();
        Status status = Status.UNDETERMINED;
        LocalDate earliest;
        LocalDate earliestGrant;
        LocalDate validUntil;
        LocalDate deadline;

        Outcome(LocalDate date) {
            this.date = date;
        }

        void undetermined(String reason) {
            status = Status.UNDETERMINED;
            reasons.add(reason);
        }
    }
}
