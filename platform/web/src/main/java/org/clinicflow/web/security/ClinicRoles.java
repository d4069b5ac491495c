package org.clinicflow.web.security;

/**
 * The clinic's roles, as Keycloak's realm roles name them. A supervisor is also a caseworker
 * (a composite role in the realm), so {@code @RolesAllowed(CASEWORKER)} admits both.
 */
public final class ClinicRoles {

    /** Registers applicants, checks documents, books and checks people in at their site. */
    public static final String CASEWORKER = "caseworker";
    /** Sees every site's cases, waives documents, reveals A-numbers, reads the audit log. */
    public static final String SUPERVISOR = "supervisor";
    /** Manages sites, sessions, stations and closures. */
    public static final String CLINIC_ADMIN = "clinic-admin";

    private ClinicRoles() {
    }
}
