package org.clinicflow.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;

/**
 * Real signed access tokens from the OIDC test server ({@code OidcWiremockTestResource}) for
 * the clinic's roles, shaped like the clinic realm's: realm roles (a supervisor is also a
 * caseworker) and the user's {@code site} claim. REST tests thus exercise the same token
 * validation and role mapping as production.
 */
public final class TestTokens {

    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String CLINIC_ADMIN = "clinic-admin";
    public static final String SITE = "chicago-south";
    /** The audience the OIDC test server stamps on its tokens (the services expect clinic-api in production). */
    public static final String AUDIENCE = "https://server.example.com";

    private TestTokens() {
    }

    public static String caseworker() {
        return forUser("caseworker", SITE, CASEWORKER);
    }

    /** A caseworker of another site. */
    public static String caseworkerAt(String site) {
        return forUser("caseworker-" + site, site, CASEWORKER);
    }

    public static String supervisor() {
        return forUser("supervisor", SITE, SUPERVISOR, CASEWORKER);
    }

    public static String admin() {
        return forUser("admin", SITE, CLINIC_ADMIN);
    }

    /** A correctly signed caseworker token issued for some other API: services must refuse it. */
    public static String forAnotherAudience() {
        return OidcWiremockTestResource.generateJwtToken("caseworker", Set.of(CASEWORKER), "caseworker", "Bearer",
                Set.of("https://another-api.example.com"), Map.of("site", SITE));
    }

    public static String forUser(String user, String site, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer", Set.of(AUDIENCE),
                site == null ? Map.of() : Map.of("site", site));
    }
}
