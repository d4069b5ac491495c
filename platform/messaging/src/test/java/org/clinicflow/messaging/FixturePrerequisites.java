package org.clinicflow.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.messaging.inbox.Parking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A second consumer, wired as a service wires one: a contact point recorded in
 * {@code fixture_prerequisite} is the prerequisite {@link FixtureConsumer}'s "needs-contact"
 * events wait for, and applying it releases them, as notification's contact listener does.
 */
@ApplicationScoped
public class FixturePrerequisites extends InboxListener {

    static final String CONSUMER = "messaging-test.prerequisites";


    FixturePrerequisites(InboxBatch processor, AgroalDataSource dataSource, Parking parking) {
        super(processor, CONSUMER);
        handle(EventHandlers.builder().on(ContactPointChangedV1.class, e -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO fixture_prerequisite (applicant_id) VALUES (?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, e.event().applicantId());
                insert.executeUpdate();
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
            parking.release(e.event().applicantId());
        }).build());
    }

    @Incoming("contacts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
