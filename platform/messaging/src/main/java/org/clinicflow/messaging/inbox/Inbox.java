package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.clinicflow.events.cloudevents.EventMetadata;

/**
 * Records that a consumer applied an event, inside the transaction that applies it. The
 * insert itself is the duplicate check ({@code ON CONFLICT DO NOTHING} on the primary key),
 * so two deliveries racing each other cannot both pass: the second waits for the first to
 * commit and then sees the conflict. Tested by {@code InboxProcessorTest}.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO processed_event (event_id, consumer, event_type) VALUES (?, ?, ?)
            ON CONFLICT (event_id, consumer) DO NOTHING""";

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this is the first time {@code consumer} sees the event; false for a duplicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventMetadata event, String consumer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, event.id());
            insert.setString(2, consumer);
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + event.id() + " in the inbox", e);
        }
    }
}
