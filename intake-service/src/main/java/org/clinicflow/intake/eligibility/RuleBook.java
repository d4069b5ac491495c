package org.clinicflow.intake.eligibility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The versioned rule book: every eligibility and fee rule as data with effective dates. The
 * clinic's current book lives in intake's database ({@link RuleBooks}); the rows shipped with a
 * release are in {@code rules/eligibility-rules.json}. A row that supersedes another ends it on
 * its own effective date ({@link #assemble}). Immutable; {@link EligibilityEngine} evaluates it.
 * Tested by {@code RuleBookTest}.
 */
public final class RuleBook {

    public static final String RESOURCE = "rules/eligibility-rules.json";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final String version;
    private final List<Rule> rules;

    public RuleBook(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        long distinct = rules.stream().map(Rule::id).distinct().count();
        if (distinct != rules.size()) {
            throw new IllegalArgumentException("rule ids must be unique");
        }
    }

    /** The book of these rows, each superseded row ended where its successor begins. */
    public static RuleBook assemble(String version, List<Rule> rows) {
        java.util.Map<String, LocalDate> successorStarts = new java.util.HashMap<>();
        for (Rule r : rows) {
            if (r.supersedes() != null) {
                successorStarts.merge(r.supersedes(), r.effectiveFrom(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return new RuleBook(version, rows.stream()
                .map(r -> successorStarts.containsKey(r.id()) ? r.endingOn(successorStarts.get(r.id())) : r).toList());
    }

    /** This book with one more row, as it would be once the row is added (for a preview). */
    public RuleBook with(Rule added, String version) {
        List<Rule> rows = new java.util.ArrayList<>(rules);
        rows.add(added);
        return assemble(version, rows);
    }

    /** The rule book shipped with this build. */
    public static RuleBook bundled() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            Document document = JSON.readValue(in, Document.class);
            return assemble(document.version(), document.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private record Document(String version, String note, List<Rule> rules) {
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Rules of a kind in force on {@code date} for {@code category}. */
    public List<Rule> inForce(String kind, Category category, LocalDate date) {
        return rules.stream().filter(r -> r.kind().equals(kind) && r.appliesTo(category, date))
                .collect(Collectors.toList());
    }

    /** Rules of a kind for {@code category}, whatever their dates (designations end, but still decide). */
    public List<Rule> ofKind(String kind, Category category) {
        return rules.stream().filter(r -> r.kind().equals(kind) && r.categories().contains(category.code()))
                .collect(Collectors.toList());
    }
}
