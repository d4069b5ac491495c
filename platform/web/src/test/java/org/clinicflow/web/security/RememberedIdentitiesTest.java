package org.clinicflow.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The memory of verified tokens: kept only until the token's own expiry, bounded, never holding a request. */
class RememberedIdentitiesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    private static SecurityIdentity provedUntil(String user, Instant expiry, Object request) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole("caseworker")
                .addAttribute(RememberedIdentities.EXPIRES_AT, expiry.getEpochSecond())
                .addAttribute(RememberedIdentities.REQUEST, request)
                .addAttribute(RememberedIdentities.AUTHENTICATION, "authentication of " + request).build();
    }

    @Test
    void aTokenIsRecalledUntilTheSecondItExpires() {
        RememberedIdentities memory = new RememberedIdentities(10);
        Instant expiry = NOW.plusSeconds(300);
        memory.remember("token-a", provedUntil("ana", expiry, "request-1"), NOW);

        SecurityIdentity recalled = memory.recall("token-a", expiry.minusSeconds(1), "request-2", "auth");
        assertNotNull(recalled);
        assertEquals("ana", recalled.getPrincipal().getName());
        assertEquals(java.util.Set.of("caseworker"), recalled.getRoles());
        assertNull(memory.recall("token-a", expiry, "request-3", "auth"), "refused from its expiry second on");
        assertEquals(0, memory.size(), "an expired token is forgotten when met");
    }

    @Test
    void onlyTheExactTokenIsRecalled() {
        RememberedIdentities memory = new RememberedIdentities(10);
        memory.remember("header.payload.signature", provedUntil("ana", NOW.plusSeconds(300), "r"), NOW);

        assertNull(memory.recall("header.payload.signaturf", NOW, "r", "auth"));
        assertNull(memory.recall("header.payload.signature ", NOW, "r", "auth"));
    }

    @Test
    void theRequestAnIdentityWasProvedOnIsNeverHandedToALaterOne() {
        RememberedIdentities memory = new RememberedIdentities(10);
        Object first = new Object();
        Object later = new Object();
        memory.remember("token-a", provedUntil("ana", NOW.plusSeconds(300), first), NOW);

        Object laterAuthentication = new Object();
        SecurityIdentity recalled = memory.recall("token-a", NOW, later, laterAuthentication);
        assertSame(later, recalled.getAttribute(RememberedIdentities.REQUEST));
        assertSame(laterAuthentication, recalled.getAttribute(RememberedIdentities.AUTHENTICATION));
    }

    @Test
    void identitiesWithoutAnExpiryOrAlreadyExpiredAreNotKept() {
        RememberedIdentities memory = new RememberedIdentities(10);
        memory.remember("no-expiry", QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ana")).build(), NOW);
        memory.remember("expired", provedUntil("ben", NOW, "r"), NOW);

        assertEquals(0, memory.size());
        assertNull(memory.recall("no-expiry", NOW, "r", "auth"));
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndOtherwiseNewOnesAreNotKept() {
        RememberedIdentities memory = new RememberedIdentities(2);
        memory.remember("short", provedUntil("ana", NOW.plusSeconds(10), "r"), NOW);
        memory.remember("long", provedUntil("ben", NOW.plusSeconds(300), "r"), NOW);

        Instant later = NOW.plusSeconds(60);
        memory.remember("next", provedUntil("cy", NOW.plusSeconds(300), "r"), later);
        assertEquals("cy", memory.recall("next", later, "r", "auth").getPrincipal().getName(), "took the expired one's place");

        memory.remember("one-too-many", provedUntil("dee", NOW.plusSeconds(300), "r"), later);
        assertNull(memory.recall("one-too-many", later, "r", "auth"));
        assertEquals(2, memory.size());
        assertEquals("ben", memory.recall("long", later, "r", "auth").getPrincipal().getName());
    }

    @Test
    void aCapacityOfZeroTurnsTheMemoryOff() {
        RememberedIdentities memory = new RememberedIdentities(0);
        memory.remember("token-a", provedUntil("ana", NOW.plusSeconds(300), "r"), NOW);
        assertNull(memory.recall("token-a", NOW, "r", "auth"));
    }
}
