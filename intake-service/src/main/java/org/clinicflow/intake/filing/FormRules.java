package org.clinicflow.intake.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.web.problem.Problem.FieldError;

/**
 * The I-765 rules that span fields. {@link #contradictions} are refused when answers are saved
 * (an answer that only applies when another says so, a country code that does not exist, a
 * document that expired before the person was born); {@link #required} says which items a
 * complete form needs for this case (the mailing address always; the physical address only when
 * it differs; the Social Security number only when a card was issued; the parents' names and the
 * disclosure consent only when a card is requested; the I-94 number for a parolee; the issuing
 * country and expiry of any passport or travel document; the arrest question for (c)(8) only).
 * Saving a partial form is allowed: a preparer fills it in over the visit. Tested by
 * {@code FilingApiTest}.
 */
public final class FormRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Which document numbers are on file (after the request's changes). */
    public record NumbersOnFile(boolean i94, boolean passport, boolean travelDocument, boolean ssn) {
    }

    private FormRules() {
    }

    public static List<FieldError> contradictions(FormRequest r, NumbersOnFile numbers, Applicant a) {
        List<FieldError> errors = new ArrayList<>();
        if (numbers.ssn() && !Boolean.TRUE.equals(r.ssaCardIssued())) {
            errors.add(error("ssn", "only when Item 13.a says the SSA issued a card"));
        }
        if (r.physicalAddress() != null && Boolean.TRUE.equals(r.mailingIsPhysical())) {
            errors.add(error("physicalAddress", "only when Item 6 says the mailing address is not the physical address"));
        }
        if (r.physicalAddress() != null && r.physicalAddress().inCareOf() != null && !r.physicalAddress().inCareOf().isBlank()) {
            errors.add(error("physicalAddress.inCareOf", "belongs to the mailing address only (Item 5.a)"));
        }
        if (r.arrestedOrConvicted() != null && !"c8".equals(a.category)) {
            errors.add(error("arrestedOrConvicted", "is asked only in category (c)(8)"));
        }
        boolean document = numbers.passport() || numbers.travelDocument();
        if (!document && r.documentIssuingCountry() != null) {
            errors.add(error("documentIssuingCountry", "only with a passport or travel document number (Item 21.b or 21.c)"));
        }
        if (!document && r.documentExpiresOn() != null) {
            errors.add(error("documentExpiresOn", "only with a passport or travel document number (Item 21.b or 21.c)"));
        }
        if (r.documentExpiresOn() != null && a.dateOfBirth != null && !r.documentExpiresOn().isAfter(a.dateOfBirth)) {
            errors.add(error("documentExpiresOn", "must be after the date of birth (" + a.dateOfBirth + ")"));
        }
        if (r.documentExpiresOn() != null && r.documentExpiresOn().isAfter(LocalDate.of(2100, 1, 1))) {
            errors.add(error("documentExpiresOn", "must be a real expiration date"));
        }
        country(errors, "otherCitizenship", r.otherCitizenship());
        if (r.otherCitizenship() != null && r.otherCitizenship().equals(a.countryOfCitizenship)) {
            errors.add(error("otherCitizenship", "is the case's country of citizenship already (Item 18.a)"));
        }
        country(errors, "documentIssuingCountry", r.documentIssuingCountry());
        if (r.placeOfBirth() != null) {
            country(errors, "placeOfBirth.country", r.placeOfBirth().country());
        }
        return errors;
    }

    /** Every item a complete form needs for this case, met or not. */
    public static void required(FormRequest r, NumbersOnFile numbers, Applicant a, boolean ssaDisclosureConsent, Readiness.Builder out) {
        out.need("mailingAddress", r.mailingAddress() != null, "the U.S. mailing address (a shelter goes under \"in care of\")");
        out.need("mailingIsPhysical", r.mailingIsPhysical() != null, "whether mail goes to where the applicant lives");
        if (Boolean.FALSE.equals(r.mailingIsPhysical())) {
            out.need("physicalAddress", r.physicalAddress() != null, "the physical address, since it differs from the mailing address");
        }
        out.need("sex", r.sex() != null, "male or female");
        out.need("maritalStatus", r.maritalStatus() != null, "single, married, divorced or widowed");
        out.need("previouslyFiled", r.previouslyFiled() != null, "whether an I-765 was filed before");
        out.need("ssaCardIssued", r.ssaCardIssued() != null, "whether the SSA ever issued a card");
        if (Boolean.TRUE.equals(r.ssaCardIssued())) {
            out.need("ssn", numbers.ssn(), "the Social Security number, since a card was issued");
        }
        out.need("wantsSsaCard", r.wantsSsaCard() != null, "whether the applicant wants a Social Security card");
        if (Boolean.TRUE.equals(r.wantsSsaCard())) {
            out.need("consents.ssa-disclosure", ssaDisclosureConsent,
                    "the applicant's consent to share the form with the SSA, which a card request needs");
            out.need("father", r.father() != null, "the father's name, which a card request needs");
            out.need("mother", r.mother() != null, "the mother's name, which a card request needs");
        }
        out.need("placeOfBirth", r.placeOfBirth() != null, "the city and country of birth");
        if ("c11".equals(a.category)) {
            out.need("i94Number", numbers.i94(), "the I-94 number, which every parolee has");
        } else {
            out.need("i94Number", numbers.i94() || numbers.passport() || numbers.travelDocument(),
                    "an I-94, passport or travel document number (Items 21.a to 21.c)");
        }
        if (numbers.passport() || numbers.travelDocument()) {
            out.need("documentIssuingCountry", r.documentIssuingCountry() != null, "the country that issued the passport or travel document");
            out.need("documentExpiresOn", r.documentExpiresOn() != null, "its expiration date");
        }
        out.need("lastArrivalOn", a.lastArrivalOn != null, "the date of the last arrival: correct it on the case");
        out.need("lastArrivalPlace", present(r.lastArrivalPlace()), "the place of the last arrival (a port of entry or city)");
        out.need("statusAtLastArrival", present(r.statusAtLastArrival()), "the status at the last arrival, such as parolee");
        out.need("currentStatus", present(r.currentStatus()), "the current status or category");
        if ("c8".equals(a.category)) {
            out.need("arrestedOrConvicted", r.arrestedOrConvicted() != null, "the (c)(8) question about arrests and convictions");
        }
    }

    private static void country(List<FieldError> errors, String field, String code) {
        if (code != null && code.matches("[A-Z]{2}") && !COUNTRIES.contains(code)) {
            errors.add(error(field, "is not an ISO country code"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, FormItems.prefix(field) + message);
    }
}
