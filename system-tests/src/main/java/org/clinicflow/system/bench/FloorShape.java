package org.clinicflow.system.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real flow's shape, which the floor ({@link Floor}) reproduces with no business logic: the
 * REST calls a clinic makes per applicant, the events each service publishes and on which topic,
 * which consumer (channel) of which service reads each topic, and which event types each consumer
 * acts on (an event it acts on costs an inbox row and a row of effect; one it skips costs
 * nothing but the read). The channels mirror the services' application.properties and the types
 * their listeners' dispatch tables; the counts that vary with a case (documents checked, SMS
 * receipts) are measured in the same run ({@link #measured}). Exercised by every bench run.
 *
 * @param verified events announcing verified documents per applicant (one per save of the checklist;
 *        before 2026-11-30, one per document)
 * @param delivered SMS delivery receipts per applicant (the gateway's callbacks)
 */
public record FloorShape(double verified, double delivered) {

    /** REST calls per applicant, each with a token checked: register, open the checklist, save the checks. */
    public static final int REST_CALLS = 3;

    /** Topics, as the services name them. */
    static final String APPLICANTS = "applicants";
    static final String CONTACTS = "contacts";
    static final String CHECKLISTS = "checklists";
    static final String APPOINTMENTS = "appointments";
    static final String MESSAGES = "messages";

    /** Event types (short names of the real ones) and the topic each travels on. */
    static final Map<String, String> TOPIC_OF = Map.of(
            "registered", APPLICANTS, "eligibility", APPLICANTS, "contact", CONTACTS,
            "opened", CHECKLISTS, "verified", CHECKLISTS, "ready", CHECKLISTS,
            "booked", APPOINTMENTS, "sent", MESSAGES, "delivered", MESSAGES);

    /** One consumer: its service (database), its topics, the types it acts on. */
    record Channel(String service, String name, List<String> topics, Set<String> handles) {
    }

    /**
     * Every consumer channel of the four services, as they are configured (since 2026-12-02 a
     * listener reads all its topics through one channel; before, one channel per topic, twelve).
     */
    static final List<Channel> CHANNELS = List.of(
            new Channel("document", "applicants", List.of(APPLICANTS), Set.of("registered")),
            new Channel("scheduling", "applicants", List.of(APPLICANTS), Set.of("registered", "eligibility")),
            new Channel("scheduling", "bookings", List.of(CHECKLISTS, MESSAGES), Set.of("ready")),
            new Channel("notification", "contacts", List.of(CONTACTS, APPLICANTS), Set.of("contact", "registered")),
            new Channel("notification", "holds", List.of(APPLICANTS), Set.of("eligibility")),
            new Channel("notification", "triggers", List.of(APPOINTMENTS, CHECKLISTS), Set.of("booked")),
            new Channel("intake", "case-progress", List.of(CHECKLISTS, APPOINTMENTS, MESSAGES),
                    Set.of("opened", "verified", "ready", "booked", "sent", "delivered")));

    static final List<String> SERVICES = List.of("intake", "document", "scheduling", "notification");

    /**
     * The shape of the run just measured: documents checked and SMS receipts per applicant, read
     * from intake's inbox (it acts on both kinds), over {@code applicants}.
     */
    static FloorShape measured(Map<String, Long> intakeEventsByType, long applicants) {
        if (applicants <= 0) {
            return new FloorShape(5, 1);
        }
        long verified = intakeEventsByType.getOrDefault("clinic.documents.documents-checked.v1", 0L)
                + intakeEventsByType.getOrDefault("clinic.documents.document-verified.v1", 0L);
        long delivered = intakeEventsByType.getOrDefault("clinic.notification.message-delivered.v1", 0L);
        return new FloorShape((double) verified / applicants, (double) delivered / applicants);
    }

    /** Events published per applicant. */
    double eventsPerApplicant() {
        return 7 + verified + delivered; // registered, eligibility, contact, opened, ready, booked, sent
    }

    /** Records read per applicant over all consumers (each channel reads every record of its topic). */
    double deliveriesPerApplicant() {
        double total = 0;
        for (Channel channel : CHANNELS) {
            for (String topic : channel.topics()) {
                total += recordsOn(topic);
            }
        }
        return total;
    }

    private double recordsOn(String topic) {
        return switch (topic) {
            case APPLICANTS -> 2;
            case CONTACTS -> 1;
            case CHECKLISTS -> 2 + verified;
            case APPOINTMENTS -> 1;
            case MESSAGES -> 1 + delivered;
            default -> 0;
        };
    }
}
