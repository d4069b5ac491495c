package org.clinicflow.portal.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard: a request that changes something (anything but GET, HEAD,
 * OPTIONS) must come from one of the portal's own pages, told by the browser's Origin header
 * (or Referer when a browser sends no Origin). The session cookie is SameSite=Lax as a second
 * wall. Tested by {@code SameOriginGuardTest}.
 */
public class SameOriginGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String host = request.getHeaderString("Host");
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.equals("null")) {
            origin = request.getHeaderString("Referer");
        }
        if (host != null && origin != null && host.equalsIgnoreCase(authority(origin))) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                .entity("This form must be sent from the portal's own page.").build();
    }

    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
