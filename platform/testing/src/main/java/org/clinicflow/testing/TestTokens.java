package org.clinicflow.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Set;

/**
 * Real signed access tokens from the OIDC test server ({@code OidcWiremockTestResource}) for
 * the clinic's roles, so REST tests exercise the same token validation as production.
 */
public final class TestTokens {

    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private TestTokens() {
    }

    public static String caseworker() {
        return forUser("caseworker", CASEWORKER);
    }

    public static String supervisor() {
        return forUser("supervisor", SUPERVISOR, CASEWORKER);
    }

    public static String admin() {
        return forUser("admin", CLINIC_ADMIN);
    }

    /** A correctly signed caseworker token issued for some other API: services must refuse it. */
    public static String forAnotherAudience() {
        return OidcWiremockTestResource.generateJwtToken("caseworker", Set.of(CASEWORKER), "caseworker", "Bearer",
                Set.of("https://another-api.example.com"));
    }

    public static String forUser(String user, String... roles) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(roles));
    }
}
