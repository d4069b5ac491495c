package org.clinicflow.testing;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.Topic;

/**
 * A real Apache Kafka broker (KRaft, one combined broker-controller node) inside the test JVM,
 * started once and stopped by a shutdown hook, with every topic of the event catalog created
 * at its catalog partition count, dead-letter topics included.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // The broker halts its JVM on a fatal fault; one met while the test JVM shuts down
            // (log dirs going away under it) turned a green run into a "crashed" surefire fork.
            // In a test JVM the broker may fail, never exit the process.
            Exit.setHaltProcedure(TestKafka::refuseToExit);
            Exit.setExitProcedure(TestKafka::refuseToExit);
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::close, "test-kafka-stop"));
            createCatalogTopics(cluster.bootstrapServers());
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "1")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    /** Creates a topic (if missing) with {@code partitions} partitions. */
    public static void createTopic(String name, int partitions) {
        try (Admin admin = admin(bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void createCatalogTopics(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            List<NewTopic> topics = new java.util.ArrayList<>();
            for (Topic topic : EventCatalog.topics()) {
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
                topics.add(new NewTopic(topic.deadLetterTopic(), EventCatalog.DLQ_PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not create the catalog's topics", e);
        }
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        return Admin.create(props);
    }

    private static void refuseToExit(int status, String message) {
        System.err.printf("test Kafka broker asked to exit the JVM (status %d): %s; ignored%n", status, message);
    }

    private static synchronized void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // The JVM is exiting; a broker that does not stop cleanly loses nothing a test needs.
            }
            cluster = null;
        }
    }
}
