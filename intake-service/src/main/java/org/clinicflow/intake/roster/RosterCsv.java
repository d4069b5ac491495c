package org.clinicflow.intake.roster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.clinicflow.intake.applicant.ApplicantRequest;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.web.problem.Problem.FieldError;

/**
 * Reads a shelter roster: UTF-8 CSV (a byte-order mark is fine) whose header names the
 * registration's JSON fields. Required columns: givenName, familyName, dateOfBirth,
 * countryOfCitizenship, preferredLanguage, smsConsent, siteId, category; any other
 * registration field may be a column too. An unknown column refuses the whole file (a
 * misspelt header would otherwise drop data silently). Tested by {@code RosterImportTest}.
 */
public final class RosterCsv {

    public static final List<String> REQUIRED = List.of("givenName", "familyName", "dateOfBirth", "countryOfCitizenship",
            "preferredLanguage", "smsConsent", "siteId", "category");
    public static final Set<String> KNOWN = Set.of("givenName", "familyName", "dateOfBirth", "countryOfCitizenship",
            "preferredLanguage", "phone", "phoneRegion", "smsConsent", "aNumber", "householdId", "siteId", "category",
            "asylumFiledOn", "asylumLodgedOn", "clockStoppedDays", "lastArrivalOn", "paroleEndDate", "paroleProgram",
            "tpsCountry", "priorEad", "feeWaiverBasis", "filingMethod");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private RosterCsv() {
    }

    /** One data row: its line in the file, and either a request or what is wrong with it. */
    public record Row(int line, ApplicantRequest request, List<FieldError> errors) {
    }

    /** Problems with the header itself; empty when the file can be imported. */
    public static List<String> headerProblems(byte[] content) {
        List<String> header = header(content);
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            problems.add("unknown columns: " + String.join(", ", unknown));
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("missing columns: " + String.join(", ", missing));
        }
        return problems;
    }

    public static int countRows(byte[] content) {
        int[] rows = {0};
        forEachRow(content, 0, row -> rows[0]++);
        return rows[0];
    }

    /** Calls {@code each} for every row after the first {@code skip}, in file order. */
    public static void forEachRow(byte[] content, int skip, Consumer<Row> each) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(schema).readValues(text(content))) {
            int index = 0;
            while (rows.hasNext()) {
                Map<String, String> values = rows.next();
                index++;
                if (index <= skip) {
                    continue;
                }
                each.accept(toRow(index + 1, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row toRow(int line, Map<String, String> v) {
        List<FieldError> errors = new ArrayList<>();
        ApplicantRequest request = new ApplicantRequest(v.get("givenName"), v.get("familyName"),
                date(v, "dateOfBirth", errors), v.get("countryOfCitizenship"), v.get("preferredLanguage"),
                blankToNull(v.get("phone")), blankToNull(v.get("phoneRegion")), bool(v, "smsConsent", errors),
                blankToNull(v.get("aNumber")), blankToNull(v.get("householdId")), v.get("siteId"), v.get("category"),
                date(v, "asylumFiledOn", errors), date(v, "asylumLodgedOn", errors), integer(v, "clockStoppedDays", errors),
                date(v, "lastArrivalOn", errors), date(v, "paroleEndDate", errors), blankToNull(v.get("paroleProgram")),
                blankToNull(v.get("tpsCountry")), bool(v, "priorEad", errors),
                enumValue(v, "feeWaiverBasis", ApplicantFacts.FeeWaiverBasis.class, errors),
                enumValue(v, "filingMethod", ApplicantFacts.FilingMethod.class, errors));
        return new Row(line, request, errors);
    }

    private static List<String> header(byte[] content) {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text(content))) {
            return rows.hasNext() ? rows.next() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(Map<String, String> v, String field, List<FieldError> errors) {
        String value = blankToNull(v.get(field));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date written YYYY-MM-DD"));
            return null;
        }
    }

    private static Boolean bool(Map<String, String> v, String field, List<FieldError> errors) {
        String value = blankToNull(v.get(field));
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "si", "sí", "oui", "wi" -> true;
            case "false", "no", "n", "0", "non" -> false;
            default -> {
                errors.add(new FieldError(field, "must be yes or no"));
                yield null;
            }
        };
    }

    private static Integer integer(Map<String, String> v, String field, List<FieldError> errors) {
        String value = blankToNull(v.get(field));
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> v, String field, Class<E> type, List<FieldError> errors) {
        String value = blankToNull(v.get(field));
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not one of the allowed values"));
            return null;
        }
    }
}
