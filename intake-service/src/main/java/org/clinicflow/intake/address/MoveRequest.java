package org.clinicflow.intake.address;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.clinicflow.intake.filing.FormRequest;

/** A move: the new mailing address (the form's U.S. address rules) and the day it took effect. */
public record MoveRequest(@Valid @NotNull(message = "is required") FormRequest.Address address,
        @NotNull(message = "is required") LocalDate movedOn) {
}
