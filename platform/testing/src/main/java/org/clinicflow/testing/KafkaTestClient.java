package org.clinicflow.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventMetadata;

/**
 * Plain Kafka clients for tests, on the test broker: read a topic back from its first offset
 * (what a consumer would see) and write raw records, malformed ones included. Reads are
 * bounded by a deadline; a read that ends early fails the test with what it saw.
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    /** Every record on {@code topic} from the start up to the end offsets as they are now. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout + "; read "
                            + records.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Every record on {@code topic} once the service under test (a {@code @QuarkusTest}'s
     * application, its default datasource) has sent all it committed: its relay deletes an outbox
     * row only after the broker acknowledged it, so an empty outbox means the topic holds every
     * event of every transaction committed so far. A count read this way is exact whatever the
     * relay's pace (its least gap between passes), where a read straight after the REST call that
     * published could still miss one.
     */
    public static List<ConsumerRecord<String, byte[]>> readAllSent(String topic, Duration timeout) {
        javax.sql.DataSource outboxOwner = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get();
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = Rows.count(outboxOwner, "SELECT count(*) FROM outbox_event")) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(left + " events still in the outbox after " + timeout + ": the relay did not send them");
            }
            try {
                Thread.sleep(20); // the relay works in passes; ask again at about its pace, not in a busy loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the outbox to drain", e);
            }
        }
        return readAll(topic, Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(5).toNanos())));
    }

    /** Reads {@code topic} from the start until a record matches; fails after {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
            Predicate<ConsumerRecord<String, byte[]>> last, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (last.test(record)) {
                        return records;
                    }
                }
            }
            throw new AssertionError("no matching record on " + topic + " within " + timeout + "; read " + records.size());
        }
    }

    /** Writes a raw record with the given headers; for poison and hand-made events. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send a test record to " + topic, e);
        }
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvents id of a record, or null when it has none. */
    public static String eventId(ConsumerRecord<?, ?> record) {
        return header(record, CloudEventHeaders.ID);
    }

    /** The headers that make {@code metadata} a CloudEvent on Kafka. */
    public static Map<String, String> headersOf(EventMetadata metadata) {
        return metadata.toHeaders();
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
