package org.clinicflow.portal.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Signing out is a POST from the portal's own header: a GET of {@code /logout} (a link or an
 * image on another site) is answered 405 before OIDC's logout handling sees it, so nobody can
 * sign a caseworker out mid-visit from elsewhere. A Vert.x route rather than a REST filter,
 * because OIDC acts on the logout path before any REST filter runs. Tested by
 * {@code PortalBrowserTest}.
 */
@ApplicationScoped
public class LogoutIsAPost {

    /** Before the authentication handlers (Quarkus installs them at later orders). */
    static final int BEFORE_AUTHENTICATION = -900;

    void guard(@Observes Router router) {
        router.get("/logout").order(BEFORE_AUTHENTICATION).handler(ctx -> ctx.response().setStatusCode(405)
                .putHeader("Allow", "POST").putHeader("Content-Type", "text/plain")
                .end("Sign out with the button in the portal's header."));
    }
}
