package org.clinicflow.intake.filing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** The filing as it happened: the date, {@code paper} or {@code online}, and whether the fee was paid or a waiver requested. */
public record FilingRequest(
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate filedOn,
        @NotNull(message = "is required: paper or online") @Pattern(regexp = "paper|online", message = "must be paper or online")
        String method,
        @NotNull(message = "is required: paid or waiver-requested")
        @Pattern(regexp = "paid|waiver-requested", message = "must be paid or waiver-requested") String feeStatus) {
}
