package org.clinicflow.intake.eligibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;

/**
 * What a rule would change before it is added: every open case (of one site, if asked) decided
 * with today's book and with the book plus the rule, on the date the case would be filed; the
 * cases whose status, earliest filing date or fee owed differ are listed with both answers.
 * Reads pages of its own transactions and changes nothing. Tested by {@code RuleBookApiTest}.
 */
@ApplicationScoped
public class RulePreview {

    private static final int PAGE = 500;
    static final int MOST_LISTED = 1_000;

    private final RuleBooks books;
    private final CaseEligibility eligibility;

    RulePreview(RuleBooks books, CaseEligibility eligibility) {
        this.books = books;
        this.eligibility = eligibility;
    }

    /** One case's answer: status, earliest filing date, fee owed. */
    public record Answer(String status, LocalDate earliestFilingDate, int owedUsd) {
        static Answer of(CaseDecision d) {
            return new Answer(d.statusCode(), d.decision().earliestFilingDate(), d.decision().fees().owedUsd());
        }
    }

    /** A case the rule changes. */
    public record ChangedCase(UUID applicantId, String siteId, String category, Answer before, Answer after) {
    }

    /** The preview: how many open cases were decided, how many change, and the first of them. */
    public record Preview(String ruleId, LocalDate effectiveFrom, int reviewed, int changedCount, List<ChangedCase> changed) {
    }

    public Preview preview(Rule rule, Optional<String> site) {
        RuleBook today = books.current();
        EligibilityEngine before = new EligibilityEngine(today);
        EligibilityEngine after = new EligibilityEngine(today.with(rule, today.version() + "+" + rule.id()));
        List<ChangedCase> changed = new ArrayList<>();
        int reviewed = 0;
        int changedCount = 0;
        UUID last = Batches.BEFORE_ANY_ID;
        while (true) {
            UUID from = last;
            List<Applicant> page = QuarkusTransaction.requiringNew().call(() -> Applicant.<Applicant>find(
                    "stageCode not in ('filed', 'withdrawn') and id > ?1" + (site.isPresent() ? " and siteId = ?2" : "")
                            + " order by id", site.isPresent() ? new Object[] {from, site.get()} : new Object[] {from})
                    .page(0, PAGE).list());
            if (page.isEmpty()) {
                return new Preview(rule.id(), rule.effectiveFrom(), reviewed, changedCount, changed);
            }
            for (Applicant a : page) {
                Answer was = Answer.of(eligibility.decide(a, before));
                Answer will = Answer.of(eligibility.decide(a, after));
                if (!Objects.equals(was, will)) {
                    changedCount++;
                    if (changed.size() < MOST_LISTED) {
                        changed.add(new ChangedCase(a.id, a.siteId, a.category, was, will));
                    }
                }
            }
            reviewed += page.size();
            last = page.get(page.size() - 1).id;
        }
    }
}
