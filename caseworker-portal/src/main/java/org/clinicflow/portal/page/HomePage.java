package org.clinicflow.portal.page;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.clinicflow.portal.i18n.Locales;

/**
 * The front door (today's list) and the language switch, kept in a cookie for a year. The switch
 * returns to the page it was used on: the form's {@code back} field (set by script), else, with
 * script off, the path of the Referer (only its path and query: never another site). Tested in
 * the browser, with script on and off, by {@code PortalBrowserTest}.
 */
@Path("/")
public class HomePage {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/today")).build();
    }

    @POST
    @Path("language")
    public Response language(@FormParam("lang") String lang, @FormParam("back") String back, @HeaderParam("Referer") String referer) {
        String chosen = Locales.AVAILABLE.contains(lang) ? lang : "en";
        String path = back != null && !back.isBlank() ? back : pathOf(referer);
        String target = path != null && path.startsWith("/") && !path.startsWith("//") ? path : "/today";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder("lang").value(chosen).path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX)
                        .httpOnly(true).build())
                .build();
    }

    private static String pathOf(String referer) {
        try {
            URI uri = referer == null ? null : URI.create(referer);
            return uri == null || uri.getRawPath() == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
