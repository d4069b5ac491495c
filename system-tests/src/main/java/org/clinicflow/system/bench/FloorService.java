package org.clinicflow.system.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.system.LocalStack;
import org.postgresql.PGConnection;

/**
 * One of the floor's four services: a database of its own with an outbox (a trigger notifies
 * its relay at commit), an inbox and a table of effects; a relay that sleeps on LISTEN, claims
 * rows with {@code DELETE ... RETURNING} under {@code SKIP LOCKED} in passes the pipeline's relay
 * gap apart, lets the producer linger and
 * deletes them only once the broker acknowledged them; and one Kafka consumer per channel that
 * applies a whole poll in one transaction (a multi-row inbox insert, a row of effect per event it
 * acts on, its follow-up events into the outbox) and commits offsets asynchronously after the
 * database. That is the least a service can do for the same events; {@link Floor} wires four.
 */
final class FloorService {

    /** What a service does when it acts on an event, beyond its inbox row and row of effect. */
    interface Reaction {
        /** Inside the poll's transaction: any row of its own; answers the follow-up events to publish. */
        List<String> act(Connection c, String type, UUID applicant) throws SQLException;

        /** After the poll's transaction committed. */
        void committed(String type, UUID applicant);
    }

    private static final int PAYLOAD = 400;
    /** The most rows one relay pass takes. */
    private static final int CLAIM = 500;

    private final String name;
    private final LocalStack stack;
    private final String run;
    private final Reaction reaction;
    private final AtomicBoolean stop;
    private final Duration relayGap;
    private final List<Thread> threads = new ArrayList<>();

    FloorService(String name, LocalStack stack, String run, Reaction reaction, AtomicBoolean stop, Duration relayGap) {
        this.name = name;
        this.relayGap = relayGap;
        this.stack = stack;
        this.run = run;
        this.reaction = reaction;
        this.stop = stop;
    }

    String database() {
        return "floor_" + name;
    }

    /** With the services' driver settings (platform/messaging: batched inserts rewritten as multi-row ones). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database()) + "?reWriteBatchedInserts=true", "postgres",
                stack.secret("postgres"));
    }

    /** Creates (or empties) the service's database and tables. */
    void prepare() throws SQLException {
        try (Connection admin = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", stack.secret("postgres"));
                Statement s = admin.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database() + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + database());
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS outbox, processed, effect, subject");
            s.execute("CREATE TABLE outbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, topic text NOT NULL,"
                    + " event_key text NOT NULL, event_type text NOT NULL, event_id uuid NOT NULL, payload bytea NOT NULL)");
            s.execute("CREATE TABLE processed (consumer text, event_id uuid, PRIMARY KEY (event_id, consumer))");
            s.execute("CREATE TABLE effect (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, applicant uuid NOT NULL,"
                    + " kind text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE INDEX effect_applicant ON effect (applicant)");
            s.execute("CREATE TABLE subject (id uuid PRIMARY KEY, ready boolean NOT NULL DEFAULT false,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_notify('floor_outbox', ''); RETURN NULL; END $$");
            s.execute("CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()");
        }
    }

    /** Analyzes the tables after the warm-up, as autovacuum would have by then (the cold-table trap). */
    void analyze() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** Starts the relay and a consumer per channel of this service. */
    void start() {
        thread(name + "-relay", this::relay);
        for (FloorShape.Channel channel : FloorShape.CHANNELS) {
            if (channel.service().equals(name)) {
                thread(name + "-" + channel.name(), () -> consume(channel));
            }
        }
    }

    /** False once a relay or consumer thread died (it throws out of its loop on any error). */
    boolean alive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    /** Writes {@code types} for {@code applicant} to the outbox inside the caller's transaction. */
    static void publish(Connection c, UUID applicant, List<String> types, String run) throws SQLException {
        if (types.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO outbox (topic, event_key, event_type, event_id, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (String type : types) {
                insert.setString(1, run + "." + FloorShape.TOPIC_OF.get(type));
                insert.setString(2, applicant.toString());
                insert.setString(3, type);
                insert.setObject(4, UUID.randomUUID());
                insert.setBytes(5, payload(applicant, type));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static byte[] payload(UUID applicant, String type) {
        byte[] body = new byte[PAYLOAD];
        byte[] head = ("{\"applicantId\":\"" + applicant + "\",\"type\":\"" + type + "\",\"pad\":\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, PAYLOAD, (byte) 'x');
        return body;
    }

    private void relay() {
        try (KafkaProducer<String, byte[]> producer = producer(); Connection c = connect(); Connection listener = connect()) {
            c.setAutoCommit(false);
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN floor_outbox");
            }
            PGConnection notifications = listener.unwrap(PGConnection.class);
            PreparedStatement claim = c.prepareStatement("""
                    DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED)
                    RETURNING id, topic, event_key, event_type, event_id, payload""".formatted(CLAIM));
            long gap = relayGap.toNanos();
            long lastPass = System.nanoTime() - gap;
            while (!stop.get()) {
                // The pipeline's relay starts its passes at least its gap apart (clinic.messaging.outbox.min-gap):
                // so does this one, so that both batch what queued meanwhile alike.
                long wait = lastPass + gap - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                lastPass = System.nanoTime();
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getBytes(6) });
                    }
                }
                if (rows.isEmpty()) {
                    c.commit();
                    notifications.getNotifications(1000);
                    continue;
                }
                rows.sort(Comparator.comparingLong(r -> (Long) r[0]));
                List<Future<?>> acks = new ArrayList<>(rows.size());
                for (Object[] r : rows) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) r[1], (String) r[2], (byte[]) r[5]);
                    record.headers().add("type", ((String) r[3]).getBytes(StandardCharsets.UTF_8));
                    record.headers().add("id", r[4].toString().getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(record));
                }
                producer.flush();
                for (Future<?> ack : acks) {
                    ack.get();
                }
                c.commit();
                if (rows.size() < CLAIM) {
                    // Drained as of this pass: sleep until a commit notifies (one during the pass is already waiting).
                    notifications.getNotifications(1000);
                }
            }
        } catch (Exception e) {
            if (!stop.get()) {
                throw new IllegalStateException(name + " relay failed", e);
            }
        }
    }

    private void consume(FloorShape.Channel channel) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(name + "-" + channel.name()); Connection c = connect()) {
            c.setAutoCommit(false);
            consumer.subscribe(channel.topics().stream().map(topic -> run + "." + topic).toList());
            String consumerName = name + "." + channel.name();
            PreparedStatement inbox = c.prepareStatement("""
                    INSERT INTO processed (consumer, event_id) SELECT ?, unnest(?::uuid[])
                    ON CONFLICT DO NOTHING RETURNING event_id""");
            PreparedStatement effect = c.prepareStatement("INSERT INTO effect (applicant, kind) VALUES (?, ?)");
            while (!stop.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (channel.handles().contains(header(r, "type"))) {
                        mine.add(r);
                    }
                }
                List<Runnable> afterCommit = new ArrayList<>();
                if (!mine.isEmpty()) {
                    Array ids = c.createArrayOf("uuid", mine.stream().map(r -> header(r, "id")).toArray());
                    inbox.setString(1, consumerName);
                    inbox.setArray(2, ids);
                    Set<String> fresh = new HashSet<>();
                    try (ResultSet rs = inbox.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(rs.getString(1));
                        }
                    }
                    for (ConsumerRecord<String, byte[]> r : mine) {
                        if (!fresh.remove(header(r, "id"))) {
                            continue;
                        }
                        UUID applicant = UUID.fromString(r.key());
                        String type = header(r, "type");
                        effect.setObject(1, applicant);
                        effect.setString(2, type);
                        effect.addBatch();
                        publish(c, applicant, reaction.act(c, type, applicant), run);
                        afterCommit.add(() -> reaction.committed(type, applicant));
                    }
                    effect.executeBatch();
                }
                c.commit();
                afterCommit.forEach(Runnable::run);
                consumer.commitAsync();
            }
        } catch (SQLException e) {
            if (!stop.get()) {
                throw new IllegalStateException(name + " consumer failed", e);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void thread(String threadName, Runnable body) {
        Thread t = new Thread(body, "floor-" + threadName);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
                run + "-" + group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
