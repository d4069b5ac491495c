package org.clinicflow.notification.contact;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.messaging.inbox.Parking;
import org.clinicflow.notification.reminder.Reminders;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each applicant's contact point from intake's contact topic (the only topic with phone
 * numbers, which only this service reads); a withdrawal stops every message and reminder.
 * Tested by {@code NotificationFlowTest} over the real broker and database.
 */
@ApplicationScoped
public class ContactListener extends InboxListener {

    static final String CONSUMER = "notification-service.contacts";


    ContactListener(InboxBatch inbox, Reminders reminders, Parking parking) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .prefetch(Contact::prefetch)
                .on(ContactPointChangedV1.class, e -> {
                    Contact c = Contact.ensure(e.event().applicantId(), e.event().preferredLanguage(), null);
                    c.phone = e.event().phone();
                    c.language = e.event().preferredLanguage() == null ? "en" : e.event().preferredLanguage();
                    c.smsConsent = e.event().smsConsent();
                    c.contactPointKnown = true;
                    c.updatedAt = Instant.now();
                    parking.release(e.event().applicantId()); // triggers parked for want of it may go
                })
                .on(ApplicantRegisteredV1.class, e -> site(e.event().applicantId(), e.event().siteId(), e.event().preferredLanguage()))
                .on(ApplicantUpdatedV1.class, e -> site(e.event().applicantId(), e.event().siteId(), e.event().preferredLanguage()))
                .on(ApplicantWithdrawnV1.class, e -> {
                    Contact c = Contact.findById(e.event().applicantId());
                    if (c != null) {
                        c.withdrawn = true;
                    }
                    reminders.cancelAllOf(e.event().applicantId());
                })
                .build());
    }

    /** Intake's routing facts: the site (for caseworkers' access) and language, before or after the contact point. */
    private static void site(java.util.UUID applicantId, String siteId, String language) {
        Contact c = Contact.ensure(applicantId, language, siteId);
        if (!java.util.Objects.equals(c.siteId, siteId)) {
            c.siteId = siteId;
            c.updatedAt = Instant.now();
        }
    }

    /** Intake's contacts and applicants topics: one channel, so one poll loop and one transaction at a time. */
    @Incoming("contacts")
    @Blocking
    public void contacts(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
