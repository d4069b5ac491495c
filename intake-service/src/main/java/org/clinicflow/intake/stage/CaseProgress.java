package org.clinicflow.intake.stage;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.documents.ChecklistOpenedV1;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentVerifiedV1;
import org.clinicflow.events.documents.DocumentsCheckedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.events.notification.ApplicantOptedInV1;
import org.clinicflow.events.notification.ApplicantOptedOutV1;
import org.clinicflow.events.notification.ApplicantRepliedV1;
import org.clinicflow.events.notification.MessageDeliveredV1;
import org.clinicflow.events.notification.MessageFailedV1;
import org.clinicflow.events.notification.MessageSentV1;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.events.scheduling.AppointmentCancelledV1;
import org.clinicflow.events.scheduling.AppointmentConfirmedV1;
import org.clinicflow.events.scheduling.AppointmentRescheduledV1;
import org.clinicflow.events.scheduling.AppointmentSlot;
import org.clinicflow.events.scheduling.ApplicantCheckedInV1;
import org.clinicflow.events.scheduling.ApplicantWaitlistedV1;
import org.clinicflow.events.scheduling.NoShowRecordedV1;
import org.clinicflow.events.scheduling.VisitCompletedV1;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.checklist.ChecklistItems;
import org.clinicflow.intake.filing.FilingEvents;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.inbox.ArrivedEarly;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboundEvent;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows a case through the other services: every document, appointment and message event
 * goes on the case's timeline, and the ones that move it change its stage (documents pending,
 * ready to book, booked, checked in, filed, no-show). A final stage (filed, withdrawn) and a
 * hold never move on an event; a receipt the visit's close brings is announced as recorded (the
 * tracking service follows it). Runs in the inbox transaction: a redelivered event changes
 * nothing; an event for an applicant intake does not know is parked for that id alone. Tested
 * by {@code CaseProgressTest} and {@code OrphanEventsTest} over the real broker.
 */
@ApplicationScoped
public class CaseProgress extends InboxListener {

    static final String CONSUMER = "intake-service.case-progress";
    private static final Set<Stage> BEFORE_READY = EnumSet.of(Stage.REGISTERED, Stage.DOCUMENTS_PENDING);
    private static final Set<Stage> BEFORE_VISIT = EnumSet.of(Stage.REGISTERED, Stage.DOCUMENTS_PENDING,
            Stage.READY_TO_BOOK, Stage.BOOKED, Stage.NO_SHOW);

    private final Timeline timeline;
    private final FilingEvents filingEvents;
    private final ChecklistItems checklist;

    CaseProgress(InboxBatch inbox, Timeline timeline, ChecklistItems checklist, FilingEvents filingEvents) {
        super(inbox, CONSUMER);
        this.timeline = timeline;
        this.checklist = checklist;
        this.filingEvents = filingEvents;
        handle(EventHandlers.builder()
                // Each event reads its case: a batch's cases in one query rather than one each.
                .prefetch(ids -> Applicant.list("id in ?1", ids))
                .on(ChecklistOpenedV1.class, e -> progress(e, null, "Checklist opened: " + e.event().requiredItems().size()
                        + " items (" + e.event().templateVersion() + ")", a -> {
                            checklist.opened(a.id, e.event().requiredItems());
                            moveIf(a, BEFORE_READY, Stage.DOCUMENTS_PENDING);
                        }))
                .on(DocumentVerifiedV1.class, e -> progress(e, e.event().checkedBy(), (e.event().waived() ? "Waived: " : "Verified: ")
                        + e.event().documentType(), a -> checklist.checked(a.id, e.event().documentType(),
                                e.event().waived() ? "waived" : "verified", e.event().checkedBy(), e.event().verifiedAt())))
                .on(DocumentsCheckedV1.class, e -> progress(e, e.event().checkedBy(), checkedSummary(e.event()), a -> checklist
                        .checked(a.id, e.event().documents().stream().map(DocumentsCheckedV1.CheckedDocument::documentType).toList(),
                                e.event().documents().stream().map(d -> d.waived() ? "waived" : "verified").toList(),
                                e.event().checkedBy(), e.event().checkedAt())))
                .on(DocumentRejectedV1.class, e -> progress(e, e.event().checkedBy(), "Rejected: " + e.event().documentType()
                        + " (" + e.event().reasonCode() + ")", a -> {
                            checklist.checked(a.id, e.event().documentType(), "rejected", e.event().checkedBy(),
                                    e.event().rejectedAt());
                            a.documentsReady = false;
                            moveIf(a, EnumSet.of(Stage.READY_TO_BOOK), Stage.DOCUMENTS_PENDING);
                        }))
                .on(DocumentsReadyV1.class, e -> progress(e, null, "Documents ready", a -> {
                    a.documentsReady = true;
                    moveIf(a, BEFORE_READY, Stage.READY_TO_BOOK);
                }))
                .on(AppointmentBookedV1.class, e -> progress(e, null, "Booked: " + slot(e.event().slot()),
                        a -> moveIf(a, EnumSet.of(Stage.READY_TO_BOOK, Stage.DOCUMENTS_PENDING, Stage.REGISTERED, Stage.NO_SHOW), Stage.BOOKED)))
                .on(AppointmentRescheduledV1.class, e -> progress(e, null, "Rescheduled: " + slot(e.event().slot()),
                        a -> moveIf(a, EnumSet.of(Stage.READY_TO_BOOK, Stage.NO_SHOW), Stage.BOOKED)))
                .on(AppointmentCancelledV1.class, e -> progress(e, null, "Appointment cancelled (" + e.event().reason() + ")",
                        a -> moveIf(a, EnumSet.of(Stage.BOOKED), a.documentsReady ? Stage.READY_TO_BOOK : Stage.DOCUMENTS_PENDING)))
                .on(AppointmentConfirmedV1.class, e -> progress(e, null, "Appointment confirmed", null))
                .on(ApplicantWaitlistedV1.class, e -> progress(e, null, "Waitlisted at " + e.event().siteId()
                        + (e.event().reason() == null ? "" : " (" + e.event().reason()
                                + (e.event().eligibleFrom() == null ? "" : ", from " + e.event().eligibleFrom()) + ")"), null))
                .on(ApplicantCheckedInV1.class, e -> progress(e, null, "Checked in at " + e.event().siteId(),
                        a -> moveIf(a, BEFORE_VISIT, Stage.CHECKED_IN)))
                .on(VisitCompletedV1.class, e -> progress(e, null, "Filed, receipt " + e.event().receiptNumber(), a -> {
                    boolean first = a.receiptNumber == null && e.event().receiptNumber() != null;
                    a.receiptNumber = e.event().receiptNumber();
                    if (first) {
                        a.receiptRecordedAt = java.time.Instant.now();
                        filingEvents.receiptLearned(a);
                    }
                    moveIf(a, EnumSet.complementOf(EnumSet.of(Stage.FILED, Stage.WITHDRAWN, Stage.ON_HOLD)), Stage.FILED);
                }))
                .on(NoShowRecordedV1.class, e -> progress(e, null, "Did not come to the appointment",
                        a -> moveIf(a, EnumSet.of(Stage.BOOKED), Stage.NO_SHOW)))
                .on(MessageSentV1.class, e -> progress(e, null, "SMS sent: " + e.event().templateKey(), null))
                .on(MessageDeliveredV1.class, e -> progress(e, null, "SMS delivered", null))
                .on(MessageFailedV1.class, e -> progress(e, null, "SMS failed (" + e.event().errorCode() + ")", null))
                .on(ApplicantOptedOutV1.class, e -> progress(e, null, "Opted out of SMS", null))
                .on(ApplicantOptedInV1.class, e -> progress(e, null, "Opted back in to SMS", null))
                .on(ApplicantRepliedV1.class, e -> progress(e, null, "Replied by SMS: " + e.event().intent(), null))
                .build());
    }

    /** Checklists, appointments and messages: one channel, so one poll loop and one transaction at a time. */
    @Incoming("case-progress")
    @Blocking
    public void progress(ConsumerRecords<String, byte[]> records) {
        process(records);
    }

    /**
     * Puts the event on the timeline and, when {@code move} is given, lets it move the case. The
     * case record is touched only when something on it changed: an SMS receipt must not bump the
     * version a caseworker's edit is checked against, nor cost an update.
     */
    private <T extends ClinicEvent> void progress(InboundEvent<T> inbound, String actor, String summary,
            java.util.function.Consumer<Applicant> move) {
        UUID id = inbound.event().applicantId();
        Applicant applicant = Applicant.findById(id);
        if (applicant == null) {
            // Intake registers every applicant before any other service hears of them: an event
            // for an unknown id waits (parked, for that id only) and is dead-lettered if it stays unknown.
            throw new ArrivedEarly("the applicant's registration");
        }
        timeline.append(inbound.metadata(), id, actor, summary);
        if (move != null) {
            String stageBefore = applicant.stageCode;
            boolean readyBefore = applicant.documentsReady;
            String receiptBefore = applicant.receiptNumber;
            move.accept(applicant);
            if (!java.util.Objects.equals(stageBefore, applicant.stageCode) || readyBefore != applicant.documentsReady
                    || !java.util.Objects.equals(receiptBefore, applicant.receiptNumber)) {
                applicant.updatedAt = java.time.Instant.now();
            }
        }
    }

    private static void moveIf(Applicant applicant, Set<Stage> from, Stage to) {
        if (from.contains(applicant.stage())) {
            applicant.moveTo(to);
        }
    }

    /** "Verified: i94, passport; waived: photos" for one save of the checklist. */
    static String checkedSummary(DocumentsCheckedV1 event) {
        List<String> verified = event.documents().stream().filter(d -> !d.waived())
                .map(DocumentsCheckedV1.CheckedDocument::documentType).toList();
        List<String> waived = event.documents().stream().filter(DocumentsCheckedV1.CheckedDocument::waived)
                .map(DocumentsCheckedV1.CheckedDocument::documentType).toList();
        StringBuilder summary = new StringBuilder();
        if (!verified.isEmpty()) {
            summary.append("Verified: ").append(String.join(", ", verified));
        }
        if (!waived.isEmpty()) {
            summary.append(summary.isEmpty() ? "Waived: " : "; waived: ").append(String.join(", ", waived));
        }
        return summary.toString();
    }

    private static String slot(AppointmentSlot slot) {
        return slot == null ? "" : slot.siteName() + ", " + slot.localDate() + " " + slot.localTime();
    }
}
