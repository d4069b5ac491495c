package org.clinicflow.intake.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clinicflow.intake.eligibility.Category;
import org.clinicflow.intake.identity.ANumber;
import org.clinicflow.intake.identity.PhoneNumbers;
import org.clinicflow.web.problem.Problem.FieldError;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a registration or correction field by field and names every problem, in words a
 * volunteer can act on. Shared by the REST API and the roster import, so both accept exactly
 * the same input. Tested by {@code ApplicantResourceTest} (every field, over REST).
 */
@ApplicationScoped
public class ApplicantValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> PAROLE_PROGRAMS = Set.of("cbp-one", "chnv", "u4u", "other");
    private static final int NAME_MAX = 100;

    private final Set<String> languages;
    private final Clock clock;

    @jakarta.inject.Inject
    public ApplicantValidator(@ConfigProperty(name = "clinic.intake.languages") Set<String> languages) {
        this(languages, Clock.systemUTC());
    }

    ApplicantValidator(Set<String> languages, Clock clock) {
        this.languages = Set.copyOf(languages);
        this.clock = clock;
    }

    public List<FieldError> validate(ApplicantRequest r) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        name(errors, "givenName", r.givenName());
        name(errors, "familyName", r.familyName());
        if (r.dateOfBirth() == null) {
            errors.add(new FieldError("dateOfBirth", "is required (YYYY-MM-DD)"));
        } else if (r.dateOfBirth().isAfter(today) || r.dateOfBirth().isBefore(today.minusYears(120))) {
            errors.add(new FieldError("dateOfBirth", "must be a real date of birth in the past"));
        }
        country(errors, "countryOfCitizenship", r.countryOfCitizenship(), true);
        if (r.preferredLanguage() == null || r.preferredLanguage().isBlank()) {
            errors.add(new FieldError("preferredLanguage", "is required: one of " + String.join(", ", sorted(languages))));
        } else if (!languages.contains(primaryLanguage(r.preferredLanguage()))) {
            errors.add(new FieldError("preferredLanguage", "must be one of " + String.join(", ", sorted(languages))));
        }
        if (r.phoneRegion() != null && !PhoneNumbers.isKnownRegion(r.phoneRegion())) {
            errors.add(new FieldError("phoneRegion", "must be a two-letter region code such as US or MX"));
        } else if (r.phone() != null && !r.phone().isBlank()
                && PhoneNumbers.toE164(r.phone(), r.phoneRegion()).isEmpty()) {
            errors.add(new FieldError("phone", "is not a valid phone number for region "
                    + (r.phoneRegion() == null ? PhoneNumbers.DEFAULT_REGION : r.phoneRegion())));
        }
        if (r.smsConsent() == null) {
            errors.add(new FieldError("smsConsent", "is required: true or false"));
        } else if (r.smsConsent() && (r.phone() == null || r.phone().isBlank())) {
            errors.add(new FieldError("smsConsent", "needs a phone number to send messages to"));
        }
        if (r.aNumber() != null && !r.aNumber().isBlank() && ANumber.parse(r.aNumber()).isEmpty()) {
            errors.add(new FieldError("aNumber", "must be A followed by 7 to 9 digits"));
        }
        if (r.householdId() != null && !r.householdId().isBlank() && !isUuid(r.householdId())) {
            errors.add(new FieldError("householdId", "must be a UUID"));
        }
        if (r.siteId() == null || !SITE.matcher(r.siteId()).matches()) {
            errors.add(new FieldError("siteId", "is required: lower-case letters, digits and dashes"));
        }
        categoryFacts(errors, r, today);
        if (r.clockStoppedDays() != null && (r.clockStoppedDays() < 0 || r.clockStoppedDays() > 3650)) {
            errors.add(new FieldError("clockStoppedDays", "must be between 0 and 3650"));
        }
        return errors;
    }

    private void categoryFacts(List<FieldError> errors, ApplicantRequest r, LocalDate today) {
        if (r.category() == null || Category.fromCode(r.category()).isEmpty()) {
            errors.add(new FieldError("category", "is required: one of c8, c11, a12, c19"));
        }
        notFuture(errors, "asylumFiledOn", r.asylumFiledOn(), today);
        notFuture(errors, "asylumLodgedOn", r.asylumLodgedOn(), today);
        notFuture(errors, "lastArrivalOn", r.lastArrivalOn(), today);
        country(errors, "tpsCountry", r.tpsCountry(), false);
        if (r.paroleProgram() != null && !PAROLE_PROGRAMS.contains(r.paroleProgram())) {
            errors.add(new FieldError("paroleProgram", "must be one of cbp-one, chnv, u4u, other"));
        }
        if ("a12".equals(r.category()) || "c19".equals(r.category())) {
            if (r.tpsCountry() == null) {
                errors.add(new FieldError("tpsCountry", "is required for a TPS category"));
            }
        }
    }

    private static void name(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > NAME_MAX) {
            errors.add(new FieldError(field, "must be at most " + NAME_MAX + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    private static void country(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required: an ISO 3166 two-letter code such as VE"));
            }
        } else if (!COUNTRIES.contains(value)) {
            errors.add(new FieldError(field, "must be an ISO 3166 two-letter code in capitals, such as VE or HT"));
        }
    }

    private static void notFuture(List<FieldError> errors, String field, LocalDate value, LocalDate today) {
        if (value != null && value.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }

    /** The primary language subtag of a BCP 47 tag: es-MX is served in es. */
    public static String primaryLanguage(String tag) {
        return Locale.forLanguageTag(tag.trim()).getLanguage();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
