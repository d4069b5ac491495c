package org.clinicflow.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record as the inbox keeps it: where it was read (topic, partition, offset), its key,
 * its headers as text and its body. Parked and dead-lettered events are stored in this shape
 * and applied again from it, exactly as the record itself would be.
 */
public record InboundRecord(String topic, int partition, long offset, String key, Map<String, String> headers,
        byte[] payload) {

    public static InboundRecord of(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return new InboundRecord(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }
}
