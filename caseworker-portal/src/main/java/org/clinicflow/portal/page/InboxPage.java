package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clinicflow.portal.api.DevSms;
import org.clinicflow.portal.api.NotificationApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The local stack's SMS inbox: every message the development gateway "sent". Absent unless enabled. */
@Path("/inbox")
public class InboxPage {

    private final Template inbox;
    private final Pages pages;
    private final NotificationApi notification;
    private final boolean enabled;

    InboxPage(Template inbox, Pages pages, @RestClient NotificationApi notification,
            @ConfigProperty(name = "clinic.portal.dev-inbox") boolean enabled) {
        this.inbox = inbox;
        this.pages = pages;
        this.notification = notification;
        this.enabled = enabled;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("to") String to) {
        if (!enabled) {
            throw new NotFoundException();
        }
        Pages.Outcome<List<DevSms>> sms = pages.call(() -> notification.devInbox(to == null || to.isBlank() ? null : to));
        return pages.render(inbox).data("sms", sms).data("to", to == null ? "" : to)
                .data("show", pages.legibleAt(null));
    }
}
