package org.clinicflow.intake.applicant;

import java.util.Map;

/** Opens {@link Registrations} to tests of other packages. */
public final class RegistrationsAccess {

    private RegistrationsAccess() {
    }

    public static Map<String, Object> valid() {
        return Registrations.valid();
    }
}
