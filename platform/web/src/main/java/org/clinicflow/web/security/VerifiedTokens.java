package org.clinicflow.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Checks a bearer token's signature once, not on every call: the portal sends a caseworker's
 * token with each request for the token's whole life, and an RS256 check is the largest single
 * cost of a request (with the client compiler only, which these services run with, the
 * signature's big-number arithmetic is not intrinsified). It sits in front of Quarkus's OIDC
 * provider (a higher priority): a token it has seen, byte for byte, and whose expiry has not
 * passed gets the identity OIDC proved for it; any other token goes to OIDC, whose answer (an
 * identity, or the refusal) is what the caller gets. Nothing is trusted that OIDC did not check:
 * a token differing in one character is a new token, and an expired one is refused by OIDC.
 * Hand-written because Quarkus OIDC caches introspection and UserInfo answers but not a local
 * JWT check. {@code clinic.security.verified-tokens.capacity} (default 1,000; 0 turns it off)
 * bounds how many are kept; {@code clinic_bearer_tokens_total} counts checks and recalls. Tested
 * by {@code RememberedIdentitiesTest} and, in every service, by {@code ServiceContractTest} (a
 * token's second use is recalled, not checked again; each caller named correctly through the
 * memory; an altered token refused after the genuine one was accepted).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** How many verified tokens a service keeps. */
    @ConfigMapping(prefix = "clinic.security.verified-tokens")
    public interface Config {
        @WithDefault("1000")
        int capacity();
    }

    private final OidcIdentityProvider oidc;
    private final RememberedIdentities remembered;
    private final Counter checked;
    private final Counter recalled;

    VerifiedTokens(OidcIdentityProvider oidc, Config config, MeterRegistry registry) {
        this.oidc = oidc;
        this.remembered = new RememberedIdentities(config.capacity());
        this.checked = tokens(registry, "checked");
        this.recalled = tokens(registry, "remembered");
    }

    /** {@code clinic_bearer_tokens_total{outcome=checked|remembered}}: how often a signature was checked, how often it was not needed. */
    private static Counter tokens(MeterRegistry registry, String outcome) {
        return Counter.builder("clinic.bearer.tokens").tag("outcome", outcome)
                .description("Bearer tokens presented: checked by OIDC, or remembered from an earlier check").register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before OIDC's provider, which keeps the interface's default priority (an application's
     * default, above {@code SYSTEM_FIRST}): at the same priority the order would be the beans'
     * order, which is not fixed (it was seen to differ between starts of one service).
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        SecurityIdentity known = remembered.recall(token, Instant.now(), HttpSecurityUtils.getRoutingContextAttribute(request),
                context);
        if (known != null) {
            recalled.increment();
            return Uni.createFrom().item(known);
        }
        checked.increment();
        return oidc.authenticate(request, context).invoke(identity -> remembered.remember(token, identity, Instant.now()));
    }
}
