package org.clinicflow.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.clinicflow.events.cloudevents.EventJson;

/** Reads and writes the header map of a parked or dead-lettered record as the jsonb it is stored in. */
final class StoredRecords {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private StoredRecords() {
    }

    static String headersJson(Map<String, String> headers) {
        try {
            return EventJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are not serializable", e);
        }
    }

    static InboundRecord read(ResultSet rs) throws SQLException {
        try {
            Map<String, String> headers = EventJson.mapper().readValue(rs.getString("headers"), HEADERS);
            return new InboundRecord(rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                    rs.getString("parking_key"), headers, rs.getBytes("payload"));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored headers are not a JSON object", e);
        }
    }

    /** A failure as an operator sees it: its type and first line, short, so no payload is echoed at length. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        String text = root.getClass().getSimpleName() + ": " + message;
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
