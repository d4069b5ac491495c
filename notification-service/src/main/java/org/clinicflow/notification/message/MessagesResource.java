package org.clinicflow.notification.message;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.notification.contact.Contact;
import org.clinicflow.notification.webhook.InboundReply;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.audit.ReadAudit;
import org.clinicflow.web.security.SiteScope;

/**
 * What was sent to an applicant and what they answered, for caseworkers of the applicant's
 * site: {@code GET /api/applicants/{id}/messages} and {@code .../replies}, each read recorded in
 * the read audit. Texts are gone once purged; statuses and times stay. Tested by
 * {@code NotificationFlowTest}.
 */
@Path("/api/applicants/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class MessagesResource {

    private final SiteScope scope;
    private final ReadAudit audit;

    MessagesResource(SiteScope scope, ReadAudit audit) {
        this.scope = scope;
        this.audit = audit;
    }

    /** One SMS as caseworkers see it. */
    public record MessageView(UUID id, String templateKey, String language, String status, String body, int segments,
            Instant createdAt, Instant notBefore, Instant sentAt, Instant deliveredAt, String errorCode) {
    }

    /** One reply as caseworkers see it. */
    public record ReplyView(UUID id, String intent, String body, Instant receivedAt) {
    }

    @GET
    @Path("/messages")
    @Transactional
    public List<MessageView> messages(@PathParam("id") String id) {
        UUID applicant = visible(id);
        audit.read("read-messages", applicant);
        return Message.<Message>list("applicantId = ?1 order by createdAt desc", applicant).stream()
                .map(m -> new MessageView(m.id, m.templateKey, m.language, m.status, m.body, m.segments, m.createdAt,
                        m.notBefore, m.sentAt, m.deliveredAt, m.errorCode))
                .toList();
    }

    /**
     * Whether texts reach the applicant: consent on record, a number known, and whether that number
     * replied STOP (and when). The case page shows it beside the phone.
     */
    public record SmsStatusView(boolean smsConsent, boolean phoneKnown, boolean optedOut, Instant optedOutAt, boolean withdrawn) {
    }

    @GET
    @Path("/sms")
    @Transactional
    public SmsStatusView sms(@PathParam("id") String id) {
        Contact contact = Contact.findById(visible(id));
        org.clinicflow.notification.webhook.OptOut optOut = contact.phone == null ? null
                : org.clinicflow.notification.webhook.OptOut.findById(contact.phone);
        return new SmsStatusView(contact.smsConsent, contact.phone != null, optOut != null, optOut == null ? null : optOut.optedOutAt,
                contact.withdrawn);
    }

    @GET
    @Path("/replies")
    @Transactional
    public List<ReplyView> replies(@PathParam("id") String id) {
        UUID applicant = visible(id);
        audit.read("read-replies", applicant);
        return InboundReply.<InboundReply>list("applicantId = ?1 order by receivedAt desc", applicant).stream()
                .map(r -> new ReplyView(r.id, r.intent, r.body, r.receivedAt)).toList();
    }

    private UUID visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Contact contact = Contact.findById(uuid);
        if (contact == null || !scope.maySee(contact.siteId)) {
            throw notFound(id);
        }
        return uuid;
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No applicant " + id + " that you can see."));
    }
}
