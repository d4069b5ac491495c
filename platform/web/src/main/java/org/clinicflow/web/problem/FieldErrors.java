package org.clinicflow.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Bean Validation violations as the field errors of a problem, named by their JSON path
 * ({@code mailingAddress.zipCode}, {@code otherNames[0].givenName}). A service that checks a
 * request declaratively and then by rules across fields reports both in one answer with
 * {@link #requireNone}. Tested through every service's REST tests.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<Problem.FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
    }

    /** The request's violations, then the rule errors; a 400 naming all of them when there is any. */
    public static <T> void requireNone(Validator validator, T request, List<Problem.FieldError> ruleErrors) {
        List<Problem.FieldError> errors = new ArrayList<>(of(validator.validate(request)));
        errors.addAll(ruleErrors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    /** The JSON field name of a violation: the property path without the method and argument. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder name = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() != jakarta.validation.ElementKind.PROPERTY
                    && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            String n = node.getName();
            if (n == null || n.startsWith("<")) {
                if (node.getIndex() != null && name.length() > 0) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && name.length() > 0) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(n);
        }
        if (name.length() > 0) {
            return name.toString();
        }
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
    }
}
