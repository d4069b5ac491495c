package org.clinicflow.system.bench;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.system.LocalStack;

/**
 * The floor: what this machine's Kafka broker and PostgreSQL allow with no business logic, on
 * the very stack the benchmark then drives. Each record crosses four stages; a stage consumes
 * it, runs one PostgreSQL transaction (a processed-event row and an outbox row) and a relay
 * drains the outbox with {@code FOR UPDATE SKIP LOCKED} and produces to the next topic (acks=all,
 * idempotent, 600-byte records, 6 partitions) — the shape of shared/guides/performance.md's
 * harness, so the pipeline's throughput can be stated as a ratio of it.
 */
public final class Floor {

    /** What the floor run measured. */
    public record Result(int records, double seconds, double perSecond, long p50Micros, long p99Micros) {
    }

    private static final int STAGES = 4;
    private static final int PAYLOAD = 600;

    private final LocalStack stack;
    private final String run = "floor" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public Floor(LocalStack stack) {
        this.stack = stack;
    }

    public Result measure(int records) throws Exception {
        prepare();
        CountDownLatch done = new CountDownLatch(records);
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong last = new AtomicLong();
        for (int stage = 1; stage <= STAGES; stage++) {
            int s = stage;
            start("floor-stage-" + s, () -> stage(s));
            start("floor-relay-" + s, () -> relay(s));
        }
        start("floor-sink", () -> sink(latency, last, done));
        Thread.sleep(3000); // let the consumers join their groups before the first record
        long first = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < records; i++) {
                ByteBuffer payload = ByteBuffer.allocate(PAYLOAD).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic(1), UUID.randomUUID().toString(), payload.array()));
            }
        }
        boolean finished = done.await(Math.max(120, records / 100), TimeUnit.SECONDS);
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        if (!finished) {
            throw new IllegalStateException("the floor harness did not finish: " + done.getCount() + " of " + records + " missing");
        }
        double seconds = (last.get() - first) / 1e9;
        return new Result(records, seconds, records / seconds, latency.getValueAtPercentile(50), latency.getValueAtPercentile(99));
    }

    private void prepare() throws Exception {
        try (Connection admin = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", stack.secret("postgres"));
                Statement s = admin.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'floor'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE floor");
            }
        }
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS processed_event (stage int, event_id text, PRIMARY KEY (stage, event_id))");
            s.execute("CREATE TABLE IF NOT EXISTS outbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stage int NOT NULL,"
                    + " event_key text NOT NULL, payload bytea NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS outbox_stage_id ON outbox (stage, id)");
            s.execute("TRUNCATE processed_event, outbox");
            s.execute("ANALYZE");
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = new ArrayList<>();
            for (int stage = 1; stage <= STAGES + 1; stage++) {
                topics.add(new NewTopic(topic(stage), 6, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Consumes stage {@code s}'s topic: one transaction per record, offsets committed asynchronously after it. */
    private void stage(int s) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("stage-" + s); Connection c = connection()) {
            c.setAutoCommit(false);
            consumer.subscribe(List.of(topic(s)));
            PreparedStatement processed = c.prepareStatement("INSERT INTO processed_event VALUES (?, ?) ON CONFLICT DO NOTHING");
            PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox (stage, event_key, payload) VALUES (?, ?, ?)");
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> r : records) {
                    processed.setInt(1, s);
                    processed.setString(2, r.key());
                    if (processed.executeUpdate() == 1) {
                        outbox.setInt(1, s);
                        outbox.setString(2, r.key());
                        outbox.setBytes(3, r.value());
                        outbox.executeUpdate();
                    }
                    c.commit();
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drains stage {@code s}'s outbox rows to the next topic, deleting them once the broker acknowledged them. */
    private void relay(int s) {
        try (KafkaProducer<String, byte[]> producer = producer(); Connection c = connection()) {
            c.setAutoCommit(false);
            PreparedStatement claim = c.prepareStatement(
                    "SELECT id, event_key, payload FROM outbox WHERE stage = ? ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED");
            PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)");
            while (!stop.get()) {
                claim.setInt(1, s);
                List<Long> ids = new ArrayList<>();
                List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        acks.add(producer.send(new ProducerRecord<>(topic(s + 1), rs.getString(2), rs.getBytes(3))));
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    Thread.sleep(2);
                    continue;
                }
                producer.flush();
                for (var ack : acks) {
                    ack.get();
                }
                delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
                c.commit();
            }
        } catch (Exception e) {
            if (!stop.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void sink(Histogram latency, AtomicLong last, CountDownLatch done) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("sink")) {
            consumer.subscribe(List.of(topic(STAGES + 1)));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    latency.recordValue(Math.max(0, (now - ByteBuffer.wrap(r.value()).getLong()) / 1000));
                    last.set(now);
                    done.countDown();
                }
            }
        }
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private String topic(int stage) {
        return run + ".s" + stage;
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("floor"), "postgres", stack.secret("postgres"));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
                run + "-" + group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
