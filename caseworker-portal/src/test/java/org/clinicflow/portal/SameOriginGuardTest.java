package org.clinicflow.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.clinicflow.portal.security.SameOriginGuard;
import org.junit.jupiter.api.Test;

/** A form sent from another site is refused; the portal's own forms and every read pass. */
class SameOriginGuardTest {

    private final SameOriginGuard guard = new SameOriginGuard();

    @Test
    void aPostFromThePortalsOwnPagePasses() {
        assertNull(guard.check(request("POST", Map.of("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080"))));
        assertNull(guard.check(request("POST", Map.of("Host", "127.0.0.1:8080", "Referer", "http://127.0.0.1:8080/applicants/1"))));
    }

    @Test
    void aPostFromAnotherSiteOrWithoutOriginIsRefused() {
        assertEquals(403, status(guard.check(request("POST", Map.of("Host", "127.0.0.1:8080", "Origin", "https://evil.example")))));
        assertEquals(403, status(guard.check(request("POST", Map.of("Host", "127.0.0.1:8080")))));
        assertEquals(403, status(guard.check(request("PUT", Map.of("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:9999")))));
    }

    @Test
    void readsAreNeverBlocked() {
        assertNull(guard.check(request("GET", Map.of("Host", "127.0.0.1:8080", "Origin", "https://evil.example"))));
    }

    private static int status(Response response) {
        return response.getStatus();
    }

    private static ContainerRequestContext request(String method, Map<String, String> headers) {
        Map<String, String> copy = new HashMap<>(headers);
        return (ContainerRequestContext) Proxy.newProxyInstance(SameOriginGuardTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeaderString" -> copy.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
