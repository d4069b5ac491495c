package org.clinicflow.tracking.uscis;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Holds USCIS's access token: fetched with the client credentials, reused until a minute before
 * it expires, and fetched again at once when USCIS answers 401 ({@link #renew}). Tested by
 * {@code TrackerTest} (the stand-in revokes a token mid-run).
 */
@ApplicationScoped
public class AccessTokens {

    private static final Duration EARLY = Duration.ofMinutes(1);

    private final UscisApi api;
    private final UscisConfig config;
    private String token;
    private Instant expires = Instant.EPOCH;

    AccessTokens(@RestClient UscisApi api, UscisConfig config) {
        this.api = api;
        this.config = config;
    }

    /** The {@code Authorization} header value for the next call. */
    public synchronized String bearer() {
        if (token == null || Instant.now().isAfter(expires.minus(EARLY))) {
            renew();
        }
        return "Bearer " + token;
    }

    /** Fetches a fresh token (after a 401, or when the one held is about to expire). */
    public synchronized void renew() {
        UscisApi.AccessToken answer = api.token("client_credentials", config.uscis().clientId(), config.uscis().clientSecret());
        token = answer.access_token();
        expires = Instant.now().plusSeconds(Math.max(60, answer.expires_in()));
    }
}
