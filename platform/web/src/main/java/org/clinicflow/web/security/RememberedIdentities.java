package org.clinicflow.web.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities bearer tokens proved, each kept until its token's own expiry and at most
 * {@code capacity} at once (when full, expired ones go first; with none expired a new token is
 * simply not remembered, so memory stays bounded under any number of callers). The request an
 * identity was proved on is never kept with it: OIDC stamps the identity with that request's
 * routing context and authentication context, which would hold the request (and its body) alive
 * and hand it to a later caller; {@link #recall} stamps the caller's own instead. Tested by
 * {@code RememberedIdentitiesTest} (expiry, capacity, no request kept) and, through every
 * service, by {@code ServiceContractTest}.
 */
final class RememberedIdentities {

    /** The attribute OIDC stores the token's expiry in (epoch seconds). */
    static final String EXPIRES_AT = "quarkus.identity.expire-time";
    /** The attribute OIDC stores the request's routing context in (named by its class). */
    static final String REQUEST = RoutingContext.class.getName();
    /** The attribute OIDC stores the authentication's own context in (also one request's). */
    static final String AUTHENTICATION = AuthenticationRequestContext.class.getName();

    private record Remembered(SecurityIdentity identity, long expiresAtEpochSecond) {
    }

    private final Map<String, Remembered> byToken = new ConcurrentHashMap<>();
    private final int capacity;

    RememberedIdentities(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The identity {@code token} proved, stamped with this request's routing context and
     * authentication context; null if unknown or expired at {@code now}.
     */
    SecurityIdentity recall(String token, Instant now, Object request, Object authentication) {
        Remembered remembered = byToken.get(token);
        if (remembered == null) {
            return null;
        }
        if (now.getEpochSecond() >= remembered.expiresAtEpochSecond()) {
            byToken.remove(token, remembered);
            return null;
        }
        return QuarkusSecurityIdentity.builder(remembered.identity()).addAttribute(REQUEST, request)
                .addAttribute(AUTHENTICATION, authentication).build();
    }

    /** Keeps what {@code token} proved, unless the identity carries no expiry, has expired, or memory is full. */
    void remember(String token, SecurityIdentity identity, Instant now) {
        if (capacity <= 0 || identity == null || identity.isAnonymous()
                || !(identity.getAttribute(EXPIRES_AT) instanceof Long expiresAt) || now.getEpochSecond() >= expiresAt) {
            return;
        }
        if (byToken.size() >= capacity) {
            byToken.values().removeIf(r -> now.getEpochSecond() >= r.expiresAtEpochSecond());
            if (byToken.size() >= capacity) {
                return;
            }
        }
        SecurityIdentity withoutRequest = QuarkusSecurityIdentity.builder(identity).addAttribute(REQUEST, null)
                .addAttribute(AUTHENTICATION, null).build();
        byToken.put(token, new Remembered(withoutRequest, expiresAt));
    }

    int size() {
        return byToken.size();
    }
}
