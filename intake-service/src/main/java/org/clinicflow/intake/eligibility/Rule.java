package org.clinicflow.intake.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the rule book ({@code rules/eligibility-rules.json}): what it applies to, from
 * when to when, its parameters, and the source it encodes. Fields a kind does not use are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rule(String id, String kind, List<String> categories, LocalDate effectiveFrom, LocalDate effectiveTo,
        Integer waitDays, Integer grantAfterDays, Integer years, String paroleProgram, String country,
        String designation, LocalDate terminatedOn, LocalDate registrationOpens, LocalDate registrationCloses,
        List<String> filings, Integer paperUsd, Integer onlineUsd, Boolean waivable, String description,
        String source) {

    public Rule {
        categories = categories == null ? List.of() : List.copyOf(categories);
        filings = filings == null ? List.of() : List.copyOf(filings);
    }

    /** Whether the rule is in force on {@code date} for {@code category}. */
    public boolean appliesTo(Category category, LocalDate date) {
        return categories.contains(category.code()) && !date.isBefore(effectiveFrom)
                && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
