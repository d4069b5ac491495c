package org.clinicflow.intake.filing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The I-765 answers a preparer records, each under its Part 2 item (see {@link FormItems}).
 * Formats are checked here, declaratively; rules across fields (required-if, dates in order,
 * answers that only apply to one category) in {@link FormRules}. The name, date of birth,
 * citizenship, A-number, category and last-arrival date are the case's own fields and are not
 * asked again. The four document numbers are write-only: {@code null} keeps the stored value,
 * an empty string clears it; they are stored encrypted and shown masked.
 */
public record FormRequest(
        @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String middleName,
        @Size(max = 3, message = "holds at most 3 names (Items 2 to 4)") List<@Valid PersonName> otherNames,
        @Valid Address mailingAddress,
        Boolean mailingIsPhysical,
        @Valid Address physicalAddress,
        @Pattern(regexp = "male|female", message = "must be male or female") String sex,
        @Pattern(regexp = "single|married|divorced|widowed", message = "must be single, married, divorced or widowed")
        String maritalStatus,
        Boolean previouslyFiled,
        Boolean ssaCardIssued,
        @Pattern(regexp = "|(?!000|666|9)\\d{3}-?(?!00)\\d{2}-?(?!0000)\\d{4}", message = "must be a Social Security number (123-45-6789)")
        String ssn,
        Boolean wantsSsaCard,
        @Valid PersonName father,
        @Valid PersonName mother,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as VE") String otherCitizenship,
        @Valid PlaceOfBirth placeOfBirth,
        @Pattern(regexp = "|[0-9A-Za-z]{11}", message = "must be the 11 letters and digits of the I-94 admission number")
        String i94Number,
        @Pattern(regexp = "|[0-9A-Za-z]{5,20}", message = "must be 5 to 20 letters and digits") String passportNumber,
        @Pattern(regexp = "|[0-9A-Za-z]{5,20}", message = "must be 5 to 20 letters and digits") String travelDocumentNumber,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as VE") String documentIssuingCountry,
        LocalDate documentExpiresOn,
        @Size(max = 100) String lastArrivalPlace,
        @Size(max = 60) String statusAtLastArrival,
        @Size(max = 60) String currentStatus,
        Boolean arrestedOrConvicted) {

    static final String NAME = "[\\p{L}\\p{M}' .-]*";
    static final String NAME_MESSAGE = "may hold letters, spaces, apostrophes, dots and hyphens only";

    /** A name: family and given (Items 2 to 4 for other names used; 16 and 17 for the parents). */
    public record PersonName(
            @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String familyName,
            @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String givenName,
            @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String middleName) {
    }

    /** A U.S. address; {@code inCareOf} is the shelter or person mail goes through (mailing address only). */
    public record Address(
            @Size(max = 100) String inCareOf,
            @NotBlank(message = "is required") @Size(max = 100) String street,
            @Size(max = 20) String unit,
            @NotBlank(message = "is required") @Size(max = 60) String city,
            @NotBlank(message = "is required")
            @Pattern(regexp = "A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TAI]|W[AVIY]|PR|GU|AS|MP",
                    message = "must be a two-letter U.S. state or territory code") String state,
            @NotBlank(message = "is required") @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code (12345 or 12345-6789)")
            String zipCode) {
    }

    /** Item 19: city or town, state or province (if any), country of birth. */
    public record PlaceOfBirth(
            @NotBlank(message = "is required") @Size(max = 60) String city,
            @Size(max = 60) String province,
            @NotBlank(message = "is required") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as VE")
            String country) {
    }

    /** The answers without the document numbers: what is stored as plain JSON. */
    FormRequest withoutNumbers() {
        return new FormRequest(middleName, otherNames, mailingAddress, mailingIsPhysical, physicalAddress, sex, maritalStatus,
                previouslyFiled, ssaCardIssued, null, wantsSsaCard, father, mother, otherCitizenship, placeOfBirth, null, null,
                null, documentIssuingCountry, documentExpiresOn, lastArrivalPlace, statusAtLastArrival, currentStatus,
                arrestedOrConvicted);
    }

    static FormRequest empty() {
        return new FormRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }
}
