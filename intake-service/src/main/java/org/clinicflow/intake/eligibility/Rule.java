package org.clinicflow.intake.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the rule book: what it applies to, from when to when, its parameters, the source
 * it encodes, and the row it replaces ({@code supersedes}), if any. Fields a kind does not use
 * are null. Rows are never edited; a superseded row ends where its successor begins
 * ({@link #endingOn}). Tested by {@code RuleBookTest} and {@code RuleBookApiTest}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rule(String id, String kind, List<String> categories, LocalDate effectiveFrom, LocalDate effectiveTo,
        Integer waitDays, Integer grantAfterDays, Integer years, String paroleProgram, String country,
        String designation, LocalDate terminatedOn, LocalDate registrationOpens, LocalDate registrationCloses,
        List<String> filings, Integer paperUsd, Integer onlineUsd, Boolean waivable, String description,
        String source, String supersedes) {

    public Rule {
        categories = categories == null ? List.of() : List.copyOf(categories);
        filings = filings == null ? List.of() : List.copyOf(filings);
    }

    /** Whether the rule is in force on {@code date} for {@code category}. */
    public boolean appliesTo(Category category, LocalDate date) {
        return categories.contains(category.code()) && !date.isBefore(effectiveFrom)
                && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** This rule as in force until {@code end} at the latest: how a successor ends it without editing it. */
    public Rule endingOn(LocalDate end) {
        LocalDate to = effectiveTo == null || end.isBefore(effectiveTo) ? end : effectiveTo;
        return new Rule(id, kind, categories, effectiveFrom, to, waitDays, grantAfterDays, years, paroleProgram, country,
                designation, terminatedOn, registrationOpens, registrationCloses, filings, paperUsd, onlineUsd, waivable,
                description, source, supersedes);
    }
}
