package org.clinicflow.system.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.system.LocalStack;

/**
 * The broker-side tools of the fault-injection run: malformed events sent with valid CloudEvents
 * headers, consumer-group membership and assignment, a group rewound to the start of its topics,
 * what the dead-letter topics hold, and how many events an instance applied (its own metrics).
 */
final class Faults {

    static final String INJECTED_TOPIC = "clinic.intake.applicants";

    private Faults() {
    }

    /** Sends {@code count} records whose headers are valid and whose body is not JSON; answers their event ids. */
    static Set<String> injectMalformed(LocalStack stack, int count) {
        Set<String> ids = new LinkedHashSet<>();
        try (KafkaProducer<String, byte[]> producer = producer(stack)) {
            for (int i = 0; i < count; i++) {
                UUID subject = UUID.randomUUID();
                ids.add(send(producer, INJECTED_TOPIC, "clinic.intake.applicant-registered.v1", subject,
                        "{\"applicantId\": \"" + subject + "\", truncated"));
            }
            producer.flush();
        }
        return ids;
    }

    /**
     * Injects two orphans, as a new user met them: an appointment-booked for an applicant nobody
     * registered (a mistyped id), and an applicant registered and ready at {@code site} whose
     * contact point never comes (scheduling books them; notification has no phone). Answers
     * their ids: every service may park their events, and nobody else's.
     */
    static Set<UUID> injectOrphans(LocalStack stack, String site) {
        UUID mistyped = UUID.randomUUID();
        UUID noContact = UUID.randomUUID();
        Instant now = Instant.now();
        Instant start = now.plus(Duration.ofDays(3));
        try (KafkaProducer<String, byte[]> producer = producer(stack)) {
            send(producer, "clinic.scheduling.appointments", "clinic.scheduling.appointment-booked.v1", mistyped, String.format(
                    "{\"applicantId\":\"%s\",\"appointmentId\":\"%s\",\"slot\":{\"siteId\":\"%s\",\"siteName\":\"Surge Clinic\","
                            + "\"siteAddress\":\"1 Bench Street\",\"timeZone\":\"America/Chicago\",\"localDate\":\"%s\","
                            + "\"localTime\":\"09:00\",\"startsAt\":\"%s\"},\"bookedAt\":\"%s\"}",
                    mistyped, UUID.randomUUID(), site, start.atZone(java.time.ZoneId.of("America/Chicago")).toLocalDate(), start, now));
            send(producer, INJECTED_TOPIC, "clinic.intake.applicant-registered.v1", noContact, String.format(
                    "{\"applicantId\":\"%s\",\"householdId\":null,\"siteId\":\"%s\",\"category\":\"c11\","
                            + "\"preferredLanguage\":\"es\",\"registeredAt\":\"%s\",\"priorEad\":false,\"feeWaiverClaimed\":false}",
                    noContact, site, now));
            // Intake announces the decision with every registration: the parolee may file now.
            send(producer, INJECTED_TOPIC, "clinic.intake.eligibility-decided.v1", noContact, String.format(
                    "{\"applicantId\":\"%s\",\"status\":\"eligible\",\"earliestFilingDate\":null,\"validUntil\":null,"
                            + "\"holdReference\":null,\"overridden\":false,\"ruleIds\":[\"c11-parole-validity\"],"
                            + "\"ruleBookVersion\":\"2026-11-30\",\"decidedAt\":\"%s\"}", noContact, now));
            send(producer, "clinic.documents.checklists", "clinic.documents.documents-ready.v1", noContact, String.format(
                    "{\"applicantId\":\"%s\",\"householdId\":null,\"siteId\":\"%s\",\"preferredLanguage\":\"es\",\"readyAt\":\"%s\"}",
                    noContact, site, now));
            producer.flush();
        }
        return Set.of(mistyped, noContact);
    }

    private static KafkaProducer<String, byte[]> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code body} keyed by the applicant with valid CloudEvents headers, as a producer service would; answers its event id. */
    private static String send(KafkaProducer<String, byte[]> producer, String topic, String type, UUID applicant, String body) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, applicant.toString(), body.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_id", id, "ce_type", type, "ce_source", "chaos-run", "ce_time", Instant.now().toString(), "ce_subject",
                applicant.toString(), "ce_specversion", "1.0", "ce_correlationid", id, "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
        return id;
    }

    /** Waits up to two minutes until {@code group} has {@code members} members with partitions. */
    static void awaitMembers(LocalStack stack, String group, int members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, List<Integer>> assignment = assignment(stack, group);
            if (!assignment.isEmpty() && assignment.values().stream().allMatch(l -> l.size() >= members && !l.contains(0))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(group + " did not reach " + members + " members with partitions");
    }

    /**
     * Waits until one member holds, for each channel, as many partitions as all members held
     * before ({@code partitions}); the broker notices a killed member when its session times out,
     * and a rebalance may hand partitions over in steps. Answers the seconds it took.
     */
    static long awaitSoleMember(LocalStack stack, String group, Map<String, Integer> partitions) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, List<Integer>> assignment = assignment(stack, group);
            if (assignment.keySet().equals(partitions.keySet()) && partitions.entrySet().stream()
                    .allMatch(p -> assignment.get(p.getKey()).equals(List.of(p.getValue())))) {
                return Duration.ofNanos(System.nanoTime() - start).toSeconds();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(group + " is not down to one member holding " + partitions + ": " + assignment(stack, group));
    }

    /** Each channel's partitions, summed over its members. */
    static Map<String, Integer> partitionsPerChannel(LocalStack stack, String group) {
        Map<String, Integer> totals = new TreeMap<>();
        assignment(stack, group).forEach((channel, members) -> totals.put(channel, members.stream().mapToInt(Integer::intValue).sum()));
        return totals;
    }

    /** Each channel's consumer (client id) to the partitions each of its members holds, e.g. {@code [3, 3]}. */
    static Map<String, List<Integer>> assignment(LocalStack stack, String group) {
        try (Admin admin = admin(stack)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group);
            Map<String, List<Integer>> members = new TreeMap<>();
            description.members().forEach(m -> members.computeIfAbsent(m.clientId(), k -> new java.util.ArrayList<>())
                    .add(m.assignment().topicPartitions().size()));
            return members;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Rewinds a stopped service's consumer group to the earliest offset of every partition it committed. */
    static int rewind(LocalStack stack, String group) throws Exception {
        try (Admin admin = admin(stack)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS)
                    .forEach((p, info) -> start.put(p, new OffsetAndMetadata(info.offset())));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, start).all().get(10, TimeUnit.SECONDS);
                    return start.size();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e; // the group never became empty
                    }
                    Thread.sleep(500); // the stopped members have not left the group yet
                }
            }
        }
    }

    /** Every dead-letter topic's event ids (ce_id header, or "no-id@offset"), by topic. */
    static Map<String, Set<String>> deadLettered(LocalStack stack) {
        Map<String, Set<String>> parked = new TreeMap<>();
        try (Admin admin = admin(stack); KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<String> dlqs = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq")).sorted()
                    .toList();
            List<TopicPartition> partitions = admin.describeTopics(dlqs).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            dlqs.forEach(t -> parked.put(t, new LinkedHashSet<>()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header id = r.headers().lastHeader("ce_id");
                    parked.get(r.topic()).add(id == null ? "no-id@" + r.offset() : new String(id.value(), StandardCharsets.UTF_8));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read the dead-letter topics", e);
        }
        return parked;
    }

    /** Events an instance's consumers applied, from its own {@code /q/metrics}. */
    static long inboxEvents(int port) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return Math.round(metrics.lines().filter(l -> l.startsWith("clinic_inbox_events_total{") && l.contains("applied"))
                    .mapToDouble(org.clinicflow.system.PrometheusText::value).sum());
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Admin admin(LocalStack stack) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        return Admin.create(config);
    }
}
