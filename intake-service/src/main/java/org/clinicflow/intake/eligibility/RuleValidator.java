package org.clinicflow.intake.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinicflow.web.problem.Problem.FieldError;

/**
 * Checks a rule a supervisor wants to add, field by field, against the book it joins: a new id,
 * a known kind and categories, an effective date, a source (every rule names where it comes
 * from), the parameters its kind needs, and a superseded row of the same kind that no other row
 * replaced yet and that began before it. Hand-written rather than Bean Validation because most
 * checks depend on the kind and on the current book. Tested by {@code RuleBookApiTest}.
 */
public final class RuleValidator {

    static final Set<String> KINDS = Set.of("asylum-clock", "asylum-deadline", "parole-validity", "parole-termination",
            "tps-designation", "fee");
    private static final Set<String> FILINGS = Set.of("initial", "renewal");

    private RuleValidator() {
    }

    public static List<FieldError> validate(Rule r, RuleBook book) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            return List.of(new FieldError("body", "is required"));
        }
        if (r.id() == null || !r.id().matches("[a-z0-9][a-z0-9-]{2,79}")) {
            errors.add(new FieldError("id", "is required: 3 to 80 lower-case letters, digits and hyphens"));
        } else if (book.byId(r.id()).isPresent()) {
            errors.add(new FieldError("id", "is taken: rules are never edited, add a new id that supersedes the old one"));
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        if (r.categories().isEmpty() || r.categories().stream().anyMatch(c -> Category.fromCode(c).isEmpty())) {
            errors.add(new FieldError("categories", "must list one or more of c8, c11, a12, c19"));
        }
        if (r.effectiveFrom() == null) {
            errors.add(new FieldError("effectiveFrom", "is required: the date from which filings (by postmark) are decided by it"));
        } else if (r.effectiveTo() != null && !r.effectiveTo().isAfter(r.effectiveFrom())) {
            errors.add(new FieldError("effectiveTo", "must be after effectiveFrom"));
        }
        if (r.source() == null || r.source().trim().length() < 10) {
            errors.add(new FieldError("source", "is required: the notice or regulation it encodes, with its date"));
        }
        if ("fee".equals(r.kind())) {
            fee(r, errors);
        }
        if ("parole-termination".equals(r.kind()) && (r.paroleProgram() == null || r.paroleProgram().isBlank())) {
            errors.add(new FieldError("paroleProgram", "is required for a parole termination"));
        }
        if ("tps-designation".equals(r.kind())) {
            if (r.country() == null || !r.country().matches("[A-Z]{2}")) {
                errors.add(new FieldError("country", "is required: an ISO 3166 two-letter code"));
            }
            if (r.designation() == null || r.designation().isBlank()) {
                errors.add(new FieldError("designation", "is required: the designation, such as 2023"));
            }
        }
        if (r.supersedes() != null) {
            supersedes(r, book, errors);
        }
        return errors;
    }

    private static void fee(Rule r, List<FieldError> errors) {
        if (r.filings().isEmpty() || !FILINGS.containsAll(r.filings())) {
            errors.add(new FieldError("filings", "must list initial, renewal or both"));
        }
        if (r.paperUsd() == null || r.paperUsd() < 0 || r.paperUsd() > 10_000) {
            errors.add(new FieldError("paperUsd", "is required: whole dollars, 0 to 10000"));
        }
        if (r.onlineUsd() == null || r.onlineUsd() < 0 || r.onlineUsd() > 10_000) {
            errors.add(new FieldError("onlineUsd", "is required: whole dollars, 0 to 10000"));
        }
        if (r.waivable() == null) {
            errors.add(new FieldError("waivable", "is required: whether an I-912 fee waiver removes it"));
        }
        if (r.description() == null || r.description().isBlank()) {
            errors.add(new FieldError("description", "is required: the fee line's name on the case page"));
        }
    }

    private static void supersedes(Rule r, RuleBook book, List<FieldError> errors) {
        Optional<Rule> old = book.byId(r.supersedes());
        if (old.isEmpty()) {
            errors.add(new FieldError("supersedes", "names no rule in the book"));
            return;
        }
        if (!old.get().kind().equals(r.kind())) {
            errors.add(new FieldError("supersedes", "names a rule of another kind (" + old.get().kind() + ")"));
        }
        if (book.rules().stream().anyMatch(other -> r.supersedes().equals(other.supersedes()))) {
            errors.add(new FieldError("supersedes", "was already superseded: supersede its successor instead"));
        }
        if (r.effectiveFrom() != null && !r.effectiveFrom().isAfter(old.get().effectiveFrom())) {
            errors.add(new FieldError("effectiveFrom", "must be after the superseded rule's effectiveFrom ("
                    + old.get().effectiveFrom() + ")"));
        }
    }
}
