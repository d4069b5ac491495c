package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;

/**
 * Records that a consumer applied an event, inside the transaction that applies it. The
 * insert itself is the duplicate check ({@code ON CONFLICT DO NOTHING} on the primary key),
 * so two deliveries racing each other cannot both pass: the second waits for the first to
 * commit and then sees the conflict. A poll's worth of events is recorded in one statement
 * ({@link #firstDeliveries}). Tested by {@code InboxProcessorTest} and {@code InboxBatchTest}.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO processed_event (event_id, consumer, event_type) VALUES (?, ?, ?)
            ON CONFLICT (event_id, consumer) DO NOTHING""";

    private static final String RECORD_MANY = """
            INSERT INTO processed_event (event_id, consumer, event_type)
            SELECT e.id, ?, e.type FROM unnest(?::uuid[], ?::text[]) AS e(id, type)
            ON CONFLICT (event_id, consumer) DO NOTHING
            RETURNING event_id""";

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

    /**
     * Records many events at once; answers the ids {@code consumer} sees for the first time (an
     * id twice in {@code events} is answered once: the second is a duplicate of the first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<EventMetadata> events, String consumer) {
        Set<UUID> first = new HashSet<>();
        if (events.isEmpty()) {
            return first;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_MANY)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", events.stream().map(EventMetadata::id).toArray()));
            insert.setArray(3, connection.createArrayOf("text", events.stream().map(EventMetadata::type).toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    first.add(rs.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + events.size() + " events in the inbox", e);
        }
    }
}
