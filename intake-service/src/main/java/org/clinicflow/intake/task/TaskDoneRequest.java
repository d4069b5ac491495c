package org.clinicflow.intake.task;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Ticking a task off: the date the work was done (an AR-11 filed, a response mailed). */
public record TaskDoneRequest(@NotNull(message = "is required") LocalDate doneOn) {
}
