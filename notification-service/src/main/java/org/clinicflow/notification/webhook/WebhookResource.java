package org.clinicflow.notification.webhook;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.notification.ApplicantOptedInV1;
import org.clinicflow.events.notification.ApplicantOptedOutV1;
import org.clinicflow.events.notification.ApplicantRepliedV1;
import org.clinicflow.events.notification.MessageDeliveredV1;
import org.clinicflow.events.notification.MessageFailedV1;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.notification.contact.Contact;
import org.clinicflow.notification.message.Message;
import org.clinicflow.notification.message.MessageQueue;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider's callbacks, authenticated by its request signature (no signature or a wrong
 * one: 403): delivery receipts update messages and publish delivered / failed; inbound SMS
 * become opt-outs (every applicant on that phone stops receiving anything), opt-ins, a HELP
 * answer, "applicant replied" events (confirm, reschedule, cancel) for the applicant last
 * written to on that phone, or free text kept for a caseworker. A provider retrying the same
 * callback changes nothing the second time.
 */
@Path("/webhooks/sms")
public class WebhookResource {

    /** Statuses after which the provider has nothing more to say about a message. */
    private static final java.util.Set<String> FINAL = java.util.Set.of("delivered", "undelivered", "failed");

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final Outbox outbox;
    private final MessageQueue queue;
    private final String authToken;
    private final String baseUrl;
    private final String helpPhone;

    WebhookResource(Outbox outbox, MessageQueue queue, @ConfigProperty(name = "clinic.notification.twilio.auth-token") String authToken,
            @ConfigProperty(name = "clinic.notification.webhook-base-url") String baseUrl,
            @ConfigProperty(name = "clinic.notification.help-phone") String helpPhone) {
        this.outbox = outbox;
        this.queue = queue;
        this.authToken = authToken;
        this.baseUrl = baseUrl;
        this.helpPhone = helpPhone;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public Response status(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        Map<String, String> params = verified("/webhooks/sms/status", form, signature);
        Message m = Message.find("providerId", params.getOrDefault("MessageSid", "")).firstResult();
        if (m == null) {
            return Response.ok().build(); // not ours, or already purged: nothing to update
        }
        String status = params.getOrDefault("MessageStatus", "");
        if (FINAL.contains(m.status)) {
            // Receipts come late, out of order or replayed: a delivered (or failed) message stays so,
            // and a forged or replayed "failed" can neither undo a delivery nor announce a failure.
            return Response.ok().build();
        }
        switch (status) {
            case "delivered" -> {
                if (!"delivered".equals(m.status)) {
                    m.status = "delivered";
                    m.deliveredAt = Instant.now();
                    outbox.publish(new MessageDeliveredV1(m.applicantId, m.id, m.deliveredAt));
                }
            }
            case "undelivered", "failed" -> {
                if (!status.equals(m.status)) {
                    m.status = status;
                    m.errorCode = params.get("ErrorCode");
                    outbox.publish(new MessageFailedV1(m.applicantId, m.id, m.errorCode, Instant.now()));
                }
            }
            default -> {
                // queued, sending, sent: the message is already past those for us
            }
        }
        return Response.ok().build();
    }

    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Transactional
    public String inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        Map<String, String> params = verified("/webhooks/sms/inbound", form, signature);
        String providerId = params.getOrDefault("MessageSid", UUID.randomUUID().toString());
        if (InboundReply.find("providerId", providerId).firstResult() != null) {
            return EMPTY_TWIML; // the provider retried this callback
        }
        String phone = params.get("From");
        ReplyParser.Reading reading = ReplyParser.read(params.get("Body"));
        List<Contact> contacts = phone == null ? List.of() : Contact.list("phone", phone);
        InboundReply reply = new InboundReply();
        reply.id = UUID.randomUUID();
        reply.providerId = providerId;
        reply.phone = phone;
        reply.receivedAt = Instant.now();
        reply.intent = reading.kind() == ReplyParser.Kind.INTENT ? reading.intent().name().toLowerCase() : reading.kind().name().toLowerCase();
        switch (reading.kind()) {
            case OPT_OUT -> optOut(phone, contacts);
            case OPT_IN -> optIn(phone, contacts);
            case HELP -> contacts.stream().findFirst().ifPresent(c -> queue.enqueue(reply.id, c.applicantId, "help",
                    Map.of("helpPhone", helpPhone), null, null));
            case INTENT -> {
                UUID applicant = lastWrittenTo(contacts);
                if (applicant != null) {
                    reply.applicantId = applicant;
                    outbox.publish(new ApplicantRepliedV1(applicant, reading.intent(), reply.receivedAt));
                } else {
                    reply.body = params.get("Body");
                }
            }
            default -> {
                reply.body = params.get("Body"); // kept for a caseworker to read
                reply.applicantId = lastWrittenTo(contacts);
            }
        }
        reply.persist();
        return EMPTY_TWIML;
    }

    private void optOut(String phone, List<Contact> contacts) {
        if (phone == null || OptOut.isOptedOut(phone)) {
            return;
        }
        OptOut optOut = new OptOut();
        optOut.phone = phone;
        optOut.optedOutAt = Instant.now();
        optOut.persist();
        Message.update("status = 'suppressed' where phone = ?1 and status = 'pending'", phone);
        contacts.forEach(c -> outbox.publish(new ApplicantOptedOutV1(c.applicantId, optOut.optedOutAt)));
    }

    private void optIn(String phone, List<Contact> contacts) {
        if (phone != null && OptOut.deleteById(phone)) {
            Instant now = Instant.now();
            contacts.forEach(c -> outbox.publish(new ApplicantOptedInV1(c.applicantId, now)));
        }
    }

    /** On a shared phone, a reply answers the last message sent there. */
    private static UUID lastWrittenTo(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return null;
        }
        List<UUID> ids = contacts.stream().map(c -> c.applicantId).toList();
        Message last = Message.find("applicantId in ?1 and sentAt is not null order by sentAt desc", ids).firstResult();
        return last != null ? last.applicantId : contacts.size() == 1 ? contacts.get(0).applicantId : null;
    }

    private Map<String, String> verified(String path, MultivaluedMap<String, String> form, String signature) {
        Map<String, String> params = new HashMap<>();
        if (form != null) {
            form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        if (!TwilioSignature.valid(authToken, baseUrl + path, params, signature)) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "bad-signature",
                    "The request is not signed by the SMS provider."));
        }
        return params;
    }
}
