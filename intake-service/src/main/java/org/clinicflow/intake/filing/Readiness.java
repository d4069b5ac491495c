package org.clinicflow.intake.filing;

import java.util.ArrayList;
import java.util.List;
import org.clinicflow.web.problem.Problem.FieldError;

/**
 * How far a case is from a complete filing: every requirement (form items, certifications,
 * consents, the document checklist, eligibility), whether it is met, and the ones missing as
 * field errors naming their I-765 item. The portal's completeness meter is {@link #met()} of
 * {@link #total()}; the packet and the filing are refused while anything is missing.
 */
public record Readiness(List<Requirement> requirements) {

    /** One thing a complete filing needs: the field it concerns, the form item, what is needed, and whether it is there. */
    public record Requirement(String field, String item, String need, boolean met) {
    }

    public List<Requirement> missing() {
        return requirements.stream().filter(r -> !r.met()).toList();
    }

    public List<FieldError> missingAsErrors() {
        return missing().stream().map(r -> new FieldError(r.field(), (r.item() == null ? "" : r.item() + ": ") + "needs " + r.need()))
                .toList();
    }

    public int total() {
        return requirements.size();
    }

    public int met() {
        return (int) requirements.stream().filter(Requirement::met).count();
    }

    public boolean complete() {
        return missing().isEmpty();
    }

    /** Collects requirements in order. */
    public static final class Builder {

        private final List<Requirement> requirements = new ArrayList<>();

        public Builder need(String field, boolean met, String need) {
            FormItems.Item item = FormItems.of(field);
            requirements.add(new Requirement(field, item == null ? null : item.label(), need, met));
            return this;
        }

        public Readiness build() {
            return new Readiness(List.copyOf(requirements));
        }
    }
}
