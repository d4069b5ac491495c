package org.clinicflow.notification.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start the service with the real SMS gateway and a webhook signing token that is
 * missing, blank or the public development value: with it anyone could forge a "STOP", an "X"
 * that cancels an appointment, or a delivery receipt. Outside dev and test the token has no
 * default at all (application.properties), so an unset TWILIO_AUTH_TOKEN already stops the
 * start; this guard catches an empty or copied development value. Tested by
 * {@code TwilioSignatureTest}.
 */
@ApplicationScoped
public class SigningTokenGuard {

    /** The development profile's token: public, in this repository. */
    static final String DEVELOPMENT_TOKEN = "local-development-token";

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "clinic.notification.gateway") String gateway,
            @ConfigProperty(name = "clinic.notification.twilio.auth-token") String token) {
        check(gateway, token);
    }

    static void check(String gateway, String token) {
        if ("twilio".equals(gateway) && (token == null || token.isBlank() || DEVELOPMENT_TOKEN.equals(token.trim()))) {
            throw new IllegalStateException("clinic.notification.gateway=twilio needs the provider's auth token in "
                    + "TWILIO_AUTH_TOKEN (a Secret): webhooks cannot be verified without it");
        }
    }
}
