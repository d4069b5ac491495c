package org.clinicflow.intake.certification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A certification as it is given at the table. Formats are checked here; which fields each kind
 * needs (and a guardian for a child under 14) in {@link Certifications}.
 *
 * @param language the language the form was read in (applicant's statement) or interpreted into
 * @param viaInterpreter whether the applicant's statement was given through the interpreter of Part 4
 */
public record CertificationRequest(
        @NotBlank(message = "is required: applicant-statement, interpreter or preparer")
        @Pattern(regexp = "applicant-statement|interpreter|preparer", message = "must be applicant-statement, interpreter or preparer")
        String kind,
        @Size(max = 40) @Pattern(regexp = "[\\p{L} ()-]*", message = "must be a language name such as Spanish") String language,
        Boolean viaInterpreter,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}' .-]*", message = "may hold letters, spaces, apostrophes, dots and hyphens only")
        String name,
        @Size(max = 120) String organization,
        @Size(max = 30) String phone,
        @Size(max = 120) @Email(message = "must be an e-mail address") String email,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}' .-]*", message = "may hold letters, spaces, apostrophes, dots and hyphens only")
        String guardianName,
        @Pattern(regexp = "parent|legal-guardian", message = "must be parent or legal-guardian") String guardianRelationship) {
}
