package org.clinicflow.portal.page;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.clinicflow.portal.i18n.Locales;

/** The front door (today's list) and the language switch, kept in a cookie for a year. */
@Path("/")
public class HomePage {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/today")).build();
    }

    @POST
    @Path("language")
    public Response language(@FormParam("lang") String lang, @FormParam("back") String back) {
        String chosen = Locales.AVAILABLE.contains(lang) ? lang : "en";
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/today";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder("lang").value(chosen).path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX)
                        .httpOnly(true).build())
                .build();
    }
}
