package org.clinicflow.events.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.documents.ChecklistOpenedV1;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentVerifiedV1;
import org.clinicflow.events.documents.DocumentsCheckedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.intake.CaseFiledV1;
import org.clinicflow.events.intake.ReceiptRecordedV1;
import org.clinicflow.events.intake.MailingAddressChangedV1;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.events.intake.EligibilityDecidedV1;
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
import org.clinicflow.events.scheduling.ApplicantCheckedInV1;
import org.clinicflow.events.scheduling.ApplicantWaitlistedV1;
import org.clinicflow.events.scheduling.NoShowRecordedV1;
import org.clinicflow.events.scheduling.VisitCompletedV1;
import org.clinicflow.events.tracking.CaseStatusChangedV1;

/**
 * The clinic's event catalog: every topic and every event type, in one place. Producers look
 * up a record's type and topic here, consumers look up the record class of an incoming type,
 * and the test broker, the local stack and the deployment manifests create topics from it.
 * {@code docs/events.md} is its human-readable twin; {@code EventCatalogTest} keeps both equal.
 */
public final class EventCatalog {

    public static final String INTAKE = "intake-service";
    public static final String DOCUMENTS = "document-service";
    public static final String SCHEDULING = "scheduling-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String TRACKING = "tracking-service";

    private static final Duration TWO_WEEKS = Duration.ofDays(14);

    /** Applicant lifecycle and eligibility decisions: identifiers, routing facts and codes, no personal details. */
    public static final Topic APPLICANTS = new Topic("clinic.intake.applicants", 6, TWO_WEEKS, INTAKE,
            List.of(DOCUMENTS, SCHEDULING, NOTIFICATION, TRACKING));
    /** Phone numbers: kept 7 days, readable by the notification service only. */
    public static final Topic CONTACTS = new Topic("clinic.intake.contacts", 6, Duration.ofDays(7), INTAKE,
            List.of(NOTIFICATION));
    public static final Topic CHECKLISTS = new Topic("clinic.documents.checklists", 6, TWO_WEEKS, DOCUMENTS,
            List.of(INTAKE, SCHEDULING, NOTIFICATION));
    public static final Topic APPOINTMENTS = new Topic("clinic.scheduling.appointments", 6, TWO_WEEKS, SCHEDULING,
            List.of(INTAKE, NOTIFICATION));
    public static final Topic MESSAGES = new Topic("clinic.notification.messages", 6, TWO_WEEKS, NOTIFICATION,
            List.of(INTAKE, SCHEDULING));
    /** USCIS status changes of filed cases: codes and USCIS's title, no receipt number. */
    public static final Topic STATUSES = new Topic("clinic.tracking.statuses", 6, TWO_WEEKS, TRACKING,
            List.of(INTAKE, NOTIFICATION));

    /** Partitions of every dead-letter topic: they hold few records and are read by people. */
    public static final int DLQ_PARTITIONS = 1;

    private static final List<Topic> TOPICS = List.of(APPLICANTS, CONTACTS, CHECKLISTS, APPOINTMENTS, MESSAGES, STATUSES);

    private static final List<EventContract<?>> CONTRACTS = List.of(
            contract("clinic.intake.applicant-registered.v1", ApplicantRegisteredV1.class, APPLICANTS),
            contract("clinic.intake.applicant-updated.v1", ApplicantUpdatedV1.class, APPLICANTS),
            contract("clinic.intake.applicant-withdrawn.v1", ApplicantWithdrawnV1.class, APPLICANTS),
            contract("clinic.intake.eligibility-decided.v1", EligibilityDecidedV1.class, APPLICANTS),
            contract("clinic.intake.case-filed.v1", CaseFiledV1.class, APPLICANTS),
            contract("clinic.intake.receipt-recorded.v1", ReceiptRecordedV1.class, APPLICANTS),
            contract("clinic.intake.mailing-address-changed.v1", MailingAddressChangedV1.class, APPLICANTS),
            contract("clinic.intake.contact-point-changed.v1", ContactPointChangedV1.class, CONTACTS),
            contract("clinic.documents.checklist-opened.v1", ChecklistOpenedV1.class, CHECKLISTS),
            contract("clinic.documents.document-verified.v1", DocumentVerifiedV1.class, CHECKLISTS),
            contract("clinic.documents.documents-checked.v1", DocumentsCheckedV1.class, CHECKLISTS),
            contract("clinic.documents.document-rejected.v1", DocumentRejectedV1.class, CHECKLISTS),
            contract("clinic.documents.documents-ready.v1", DocumentsReadyV1.class, CHECKLISTS),
            contract("clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class, APPOINTMENTS),
            contract("clinic.scheduling.appointment-rescheduled.v1", AppointmentRescheduledV1.class, APPOINTMENTS),
            contract("clinic.scheduling.appointment-cancelled.v1", AppointmentCancelledV1.class, APPOINTMENTS),
            contract("clinic.scheduling.appointment-confirmed.v1", AppointmentConfirmedV1.class, APPOINTMENTS),
            contract("clinic.scheduling.applicant-waitlisted.v1", ApplicantWaitlistedV1.class, APPOINTMENTS),
            contract("clinic.scheduling.applicant-checked-in.v1", ApplicantCheckedInV1.class, APPOINTMENTS),
            contract("clinic.scheduling.visit-completed.v1", VisitCompletedV1.class, APPOINTMENTS),
            contract("clinic.scheduling.no-show-recorded.v1", NoShowRecordedV1.class, APPOINTMENTS),
            contract("clinic.notification.message-sent.v1", MessageSentV1.class, MESSAGES),
            contract("clinic.notification.message-delivered.v1", MessageDeliveredV1.class, MESSAGES),
            contract("clinic.notification.message-failed.v1", MessageFailedV1.class, MESSAGES),
            contract("clinic.notification.applicant-opted-out.v1", ApplicantOptedOutV1.class, MESSAGES),
            contract("clinic.notification.applicant-opted-in.v1", ApplicantOptedInV1.class, MESSAGES),
            contract("clinic.notification.applicant-replied.v1", ApplicantRepliedV1.class, MESSAGES),
            contract("clinic.tracking.case-status-changed.v1", CaseStatusChangedV1.class, STATUSES));

    private static final Map<String, EventContract<?>> BY_TYPE = index(EventContract::type);
    private static final Map<Class<?>, EventContract<?>> BY_CLASS = index(EventContract::payloadType);

    private EventCatalog() {
    }

    public static List<Topic> topics() {
        return TOPICS;
    }

    public static List<EventContract<?>> contracts() {
        return CONTRACTS;
    }

    /** The contract of an incoming CloudEvents type; empty for a type this build does not know. */
    public static Optional<EventContract<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The contract of an event record; every record class in this module has exactly one. */
    @SuppressWarnings("unchecked")
    public static <T extends ClinicEvent> EventContract<T> of(Class<T> eventClass) {
        EventContract<?> contract = BY_CLASS.get(eventClass);
        if (contract == null) {
            throw new IllegalArgumentException("no contract in the event catalog for " + eventClass.getName());
        }
        return (EventContract<T>) contract;
    }

    /** The catalog's topics followed by their dead-letter topics: everything a broker must hold. */
    public static Stream<String> allTopicNames() {
        return TOPICS.stream().flatMap(t -> Stream.of(t.name(), t.deadLetterTopic()));
    }

    private static <T extends ClinicEvent> EventContract<T> contract(String type, Class<T> payload, Topic topic) {
        return new EventContract<>(type, payload, topic);
    }

    private static <K> Map<K, EventContract<?>> index(Function<EventContract<?>, K> key) {
        return CONTRACTS.stream().collect(Collectors.toMap(key, c -> c, (a, b) -> {
            throw new IllegalStateException("duplicate contract key: " + a + " / " + b);
        }, LinkedHashMap::new));
    }
}
