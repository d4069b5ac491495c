package org.clinicflow.intake.address;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.filing.FormRequest;

/** Many people moved to one address on one day (a shelter closed and its residents went elsewhere). */
public record GroupMoveRequest(
        @NotEmpty(message = "must name at least one applicant") @Size(max = 2000, message = "at most 2,000 at once") List<@NotNull UUID> applicantIds,
        @Valid @NotNull(message = "is required") FormRequest.Address address,
        @NotNull(message = "is required") LocalDate movedOn) {
}
