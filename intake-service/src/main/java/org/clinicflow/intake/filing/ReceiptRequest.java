package org.clinicflow.intake.filing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** USCIS's receipt number: three letters and ten digits, such as IOE0912345678. */
public record ReceiptRequest(
        @NotNull(message = "is required: three letters and ten digits, such as IOE0912345678")
        @Pattern(regexp = "[A-Za-z]{3}\\d{10}", message = "must be three letters and ten digits, such as IOE0912345678")
        String receiptNumber) {
}
