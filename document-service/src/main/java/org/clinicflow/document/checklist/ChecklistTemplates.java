package org.clinicflow.document.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned checklist templates ({@code checklists/templates.json}): per category, which
 * documents the clinic checks before booking, and for whom (a prior work permit, or a photo ID
 * when there was none; fee-waiver evidence when a waiver is claimed). Data, not code branches.
 */
public final class ChecklistTemplates {

    public static final String RESOURCE = "checklists/templates.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String version, List<String> reasonCodes, Map<String, String> items, List<Template> templates) {
    }

    /** One category's template. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(String version, String category, List<TemplateItem> items) {
    }

    /** One document of a template, for everyone or only {@code when} a condition holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TemplateItem(String type, String when, boolean mayBeNotApplicable) {
    }

    /** What an applicant's checklist holds: the item types with whether each is required. */
    public record PlannedItem(String type, boolean required, boolean mayBeNotApplicable) {
    }

    private final Document document;

    private ChecklistTemplates(Document document) {
        this.document = document;
        for (Template template : document.templates()) {
            for (TemplateItem item : template.items()) {
                if (!document.items().containsKey(item.type())) {
                    throw new IllegalStateException(template.version() + " names an undefined item " + item.type());
                }
            }
        }
    }

    public static ChecklistTemplates bundled() {
        try (InputStream in = ChecklistTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new ChecklistTemplates(new ObjectMapper().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Template> forCategory(String category) {
        return document.templates().stream().filter(t -> t.category().equals(category)).findFirst();
    }

    /** The items an applicant of {@code template}'s category needs, given their circumstances. */
    public List<PlannedItem> plan(Template template, boolean priorEad, boolean feeWaiverClaimed) {
        return template.items().stream()
                .filter(item -> applies(item.when(), priorEad, feeWaiverClaimed))
                .map(item -> new PlannedItem(item.type(), true, item.mayBeNotApplicable()))
                .toList();
    }

    public Set<String> reasonCodes() {
        return Set.copyOf(document.reasonCodes());
    }

    public Map<String, String> labels() {
        return document.items();
    }

    private static boolean applies(String when, boolean priorEad, boolean feeWaiverClaimed) {
        if (when == null) {
            return true;
        }
        return switch (when) {
            case "prior-ead" -> priorEad;
            case "no-prior-ead" -> !priorEad;
            case "fee-waiver-claimed" -> feeWaiverClaimed;
            default -> throw new IllegalStateException("unknown template condition " + when);
        };
    }
}
