package org.clinicflow.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.messaging.inbox.ArrivedEarly;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboundEvent;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer wired exactly as a service wires one, whose effect is a row in
 * {@code applied_effect}. Its site id steers failures for the retry and dead-letter tests:
 * {@code fail-twice} fails the first two attempts, {@code fail-always} every attempt,
 * {@code database-down-5} the first five as an unreachable database would, and
 * {@code needs-contact} waits ({@link ArrivedEarly}) until {@link FixturePrerequisites} has
 * recorded the applicant's contact point; {@code not-for-us} is an event the handler does not act on.
 */
@ApplicationScoped
public class FixtureConsumer extends InboxListener {

    static final String CONSUMER = "messaging-test";
    /** A site id the handler declares it does not act on: such events are skipped before any lock or inbox row. */
    static final String NOT_FOR_US = "not-for-us";

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AgroalDataSource dataSource;
    private final List<Set<UUID>> prefetched = new java.util.concurrent.CopyOnWriteArrayList<>();

    FixtureConsumer(InboxBatch processor, AgroalDataSource dataSource) {
        super(processor, CONSUMER);
        this.dataSource = dataSource;
        handle(EventHandlers.builder().prefetch(prefetched::add)
                .on(ApplicantRegisteredV1.class, event -> !NOT_FOR_US.equals(event.siteId()), this::apply).build());
    }

    /** The applicants each batch's prefetch was given, in order (tests read it through the CDI proxy). */
    public List<Set<UUID>> prefetched() {
        return List.copyOf(prefetched);
    }

    /** How many times the handler ran for an event (tests read it through the CDI proxy). */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    @Incoming("applicants")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        process(records);
    }

    private void apply(InboundEvent<ApplicantRegisteredV1> inbound) {
        if ("needs-contact".equals(inbound.event().siteId()) && Fixtures.count(dataSource,
                "SELECT count(*) FROM fixture_prerequisite WHERE applicant_id = ?", inbound.event().applicantId()) == 0) {
            throw new ArrivedEarly("the fixture's contact point");
        }
        int attempt = attempts.computeIfAbsent(inbound.metadata().id(), id -> new AtomicInteger()).incrementAndGet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO applied_effect (event_id, applicant_id) VALUES (?, ?)")) {
            insert.setObject(1, inbound.metadata().id());
            insert.setObject(2, inbound.event().applicantId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Fail after writing, so a failure proves the write rolls back with the inbox row.
        String site = inbound.event().siteId();
        if ("fail-always".equals(site) || ("fail-twice".equals(site) && attempt <= 2)) {
            throw new IllegalStateException("handler failure requested by the test, attempt " + attempt);
        }
        if ("database-down-5".equals(site) && attempt <= 5) {
            throw new IllegalStateException(new SQLException("Connection to the database refused (test)", "08001"));
        }
    }
}
