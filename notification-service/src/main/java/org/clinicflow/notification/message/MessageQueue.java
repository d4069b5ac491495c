package org.clinicflow.notification.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.notification.contact.Contact;
import org.clinicflow.notification.template.SmsSegments;
import org.clinicflow.notification.template.SmsTemplates;
import org.clinicflow.notification.webhook.OptOut;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the intent to send an SMS, in the caller's transaction: the text rendered in the
 * applicant's language, when it may go (quiet hours), or why it never will (no consent, no
 * phone, opted out, withdrawn: {@code suppressed}). The message id is derived from the causing
 * event's id and the template, and the insert ignores a row that exists: the same event can
 * never queue the same SMS twice. The dispatcher sends.
 */
@ApplicationScoped
public class MessageQueue {

    private final SmsTemplates templates;
    private final String sender;
    private final ZoneId defaultZone;

    MessageQueue(SmsTemplates templates, @ConfigProperty(name = "clinic.notification.sender") String sender,
            @ConfigProperty(name = "clinic.notification.default-time-zone") String defaultZone) {
        this.templates = templates;
        this.sender = sender;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The deterministic id of the SMS an event causes with a template. */
    public static UUID messageId(UUID eventId, String template) {
        return UUID.nameUUIDFromBytes((eventId + "|" + template).getBytes(StandardCharsets.UTF_8));
    }

    /** A document to bring, written in the applicant's language. */
    public record Document(String type) {
    }

    /**
     * Queues template {@code key} for the applicant. {@code values} fill its placeholders: text
     * as it is, dates and times as the applicant's language writes them, a {@link Document} as
     * its label; the sender is added.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID causeId, UUID applicantId, String key, Map<String, Object> values, Instant due, String timeZone) {
        UUID id = messageId(causeId, key);
        if (Message.findById(id) != null) {
            return; // this event already queued this message
        }
        Contact contact = Contact.findById(applicantId);
        String language = templates.languageFor(contact == null ? null : contact.language);
        java.util.Map<String, String> all = new java.util.HashMap<>();
        values.forEach((name, value) -> all.put(name, format(language, value)));
        all.put("sender", sender);
        String body = templates.render(language, key, all);
        Message m = new Message();
        m.id = id;
        m.applicantId = applicantId;
        m.templateKey = key;
        m.language = language;
        m.body = body;
        m.segments = SmsSegments.count(body);
        m.createdAt = Instant.now();
        ZoneId zone = timeZone != null ? ZoneId.of(timeZone)
                : contact != null && contact.timeZone != null ? ZoneId.of(contact.timeZone) : defaultZone;
        m.notBefore = QuietHours.nextAllowed(due == null ? m.createdAt : due, zone);
        if (contact == null || contact.phone == null || !contact.smsConsent || contact.withdrawn || OptOut.isOptedOut(contact.phone)) {
            m.status = "suppressed";
        } else {
            m.status = "pending";
            m.phone = contact.phone;
        }
        m.persist();
    }

    private String format(String language, Object value) {
        if (value instanceof java.time.LocalDate date) {
            return templates.date(language, date);
        }
        if (value instanceof java.time.LocalTime time) {
            return templates.time(language, time);
        }
        if (value instanceof Document document) {
            return templates.document(language, document.type());
        }
        return String.valueOf(value);
    }
}
