package org.clinicflow.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;
import org.clinicflow.events.catalog.Topic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment says what the code says, checked without a cluster: every manifest is valid
 * against the Kubernetes and operator schemas (deploy/validation), the event catalog's topics
 * exist with its partitions and retention, each service's consumed topics are readable by its
 * Kafka user and drive its KEDA scaling (never more replicas than partitions), every setting the
 * code needs in production is set, ports and probes match, no secret is committed, and the
 * compose file validates.
 */
class DeploymentConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("deploy/base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SERVICES = List.of("intake-service", "document-service", "scheduling-service",
            "notification-service", "tracking-service");

    @Test
    void everyManifestIsValidAgainstTheKubernetesAndOperatorSchemas() throws Exception {
        Path validation = ROOT.resolve("deploy/validation");
        if (!Files.isDirectory(validation.resolve("node_modules"))) {
            Result install = run(validation, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, install.exit(), install.output());
        }
        Result result = run(validation, "node", "validate.mjs");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains(" passed, 0 failed"), result.output());
    }

    @Test
    void theCatalogsTopicsExistWithItsPartitionsAndRetention() throws IOException {
        Map<String, JsonNode> topics = objects("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), t -> t));
        for (Topic topic : EventCatalog.topics()) {
            JsonNode kafkaTopic = topics.get(topic.name());
            assertNotNull(kafkaTopic, "no KafkaTopic for " + topic.name());
            assertEquals(topic.partitions(), kafkaTopic.at("/spec/partitions").asInt(), topic.name());
            assertEquals(topic.retention().toMillis(), kafkaTopic.at("/spec/config/retention.ms").asLong(), topic.name());
            JsonNode dlq = topics.get(topic.deadLetterTopic());
            assertNotNull(dlq, "no dead-letter KafkaTopic for " + topic.name());
            assertEquals(EventCatalog.DLQ_PARTITIONS, dlq.at("/spec/partitions").asInt());
        }
    }

    @Test
    void eachServiceReadsAndWritesOnlyItsTopicsAndScalesOnTheirLag() throws IOException {
        Map<String, Integer> partitions = EventCatalog.topics().stream().collect(Collectors.toMap(Topic::name, Topic::partitions));
        for (String service : SERVICES) {
            Properties config = config(service);
            Set<String> consumed = consumedTopics(config);
            JsonNode user = object("KafkaUser", service);
            Set<String> reads = aclTopics(user, "Read");
            Set<String> writes = aclTopics(user, "Write");
            assertEquals(consumed, reads, service + " reads exactly the topics its code consumes");
            for (String topic : consumed) {
                assertTrue(writes.contains(topic + ".dlq"), service + " may park bad records of " + topic);
            }
            Set<String> produced = EventCatalog.contracts().stream().map(EventContract::topic)
                    .filter(t -> t.producer().equals(service)).map(Topic::name).collect(Collectors.toSet());
            assertTrue(writes.containsAll(produced), service + " may write what it publishes: " + produced);

            JsonNode scaler = object("ScaledObject", service);
            Set<String> lagTopics = new HashSet<>();
            for (JsonNode trigger : scaler.at("/spec/triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    assertEquals(config.getProperty("quarkus.application.name"), trigger.at("/metadata/consumerGroup").asText(),
                            service + " scales on its own consumer group");
                    lagTopics.add(trigger.at("/metadata/topic").asText());
                }
            }
            assertEquals(consumed, lagTopics, service + " scales on the lag of every topic it consumes");
            int fewest = consumed.stream().mapToInt(partitions::get).min().orElseThrow();
            assertTrue(scaler.at("/spec/maxReplicaCount").asInt() <= fewest, service + ": no more replicas than partitions");
        }
        for (JsonNode user : objects("KafkaUser")) {
            if (!user.at("/metadata/name").asText().equals("notification-service")) {
                assertFalse(aclTopics(user, "Read").contains(EventCatalog.CONTACTS.name()),
                        "only notification-service may read phone numbers");
            }
        }
    }

    @Test
    void everySettingTheCodeNeedsInProductionIsSetAndPortsAndProbesMatch() throws IOException {
        for (String service : SERVICES) {
            JsonNode deployment = object("Deployment", service);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Set<String> env = new HashSet<>();
            container.path("env").forEach(e -> env.add(e.path("name").asText()));
            JsonNode configMap = object("ConfigMap", service + "-config");
            configMap.path("data").fieldNames().forEachRemaining(env::add);
            for (String needed : needsInProduction(config(service))) {
                assertTrue(env.contains(needed), service + " needs " + needed + " in production");
            }
            int port = configMap.at("/data/QUARKUS_HTTP_PORT").asInt();
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), service + " listens where the pod says");
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("http", object("Service", service).at("/spec/ports/0/targetPort").asText());
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
            assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
            assertNotNull(object("PodDisruptionBudget", service));
        }
    }

    /**
     * Issue 16: a service admits the portal (and, for the SMS webhooks, the ingress controller's
     * pods), never a whole namespace; only the portal and the webhooks are published; Kafka admits
     * every service and replicates among its own pods; each database cluster reaches its replicas.
     */
    @Test
    void trafficIsAdmittedPodByPodAndKafkaAndTheDatabasesCanReplicate() throws IOException {
        List<JsonNode> policies = objects("NetworkPolicy");
        List<String> guarded = new ArrayList<>(SERVICES);
        guarded.add("caseworker-portal");
        for (String app : guarded) {
            List<JsonNode> own = policies.stream().filter(p -> app.equals(p.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name")
                    .asText())).toList();
            assertFalse(own.isEmpty(), app + " has a policy of its own");
            for (JsonNode policy : own) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        assertFalse(peer.has("namespaceSelector") && !peer.has("podSelector"),
                                app + " admits a whole namespace: " + peer);
                    }
                }
            }
        }
        for (String app : List.of("intake-service", "document-service", "scheduling-service")) {
            JsonNode policy = object("NetworkPolicy", app);
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    assertEquals("caseworker-portal", peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText(),
                            app + " is reached by the portal only");
                }
            }
        }
        Set<String> published = new HashSet<>();
        for (JsonNode ingress : objects("Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    published.add(path.at("/backend/service/name").asText() + path.path("path").asText());
                }
            }
        }
        assertEquals(Set.of("caseworker-portal/", "notification-service/webhooks/sms"), published, "what the ingress publishes");

        JsonNode kafka = policies.stream().filter(p -> "clinic-kafka".equals(p.at("/spec/podSelector/matchLabels/strimzi.io~1cluster")
                .asText())).findFirst().orElseThrow(() -> new AssertionError("no policy admits traffic to Kafka's pods"));
        String kafkaPolicy = kafka.toString();
        for (String service : SERVICES) {
            assertTrue(kafkaPolicy.contains(service), "Kafka admits " + service);
        }
        assertTrue(kafka.at("/spec/egress").toString().contains("\"strimzi.io/cluster\":\"clinic-kafka\""),
                "Kafka's brokers reach each other (replication)");
        for (String db : List.of("intake-db", "document-db", "scheduling-db", "notification-db", "tracking-db")) {
            boolean replicates = policies.stream().anyMatch(p -> selects(p.at("/spec/podSelector"), db)
                    && p.at("/spec/egress").toString().contains(db) && p.at("/spec/egress").toString().contains("5432"));
            assertTrue(replicates, db + "'s pods reach each other on 5432 (streaming replication)");
        }
    }

    private static boolean selects(JsonNode selector, String cluster) {
        if (cluster.equals(selector.at("/matchLabels/cnpg.io~1cluster").asText())) {
            return true;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if ("cnpg.io/cluster".equals(expression.path("key").asText()) && expression.path("values").toString().contains(cluster)) {
                return true;
            }
        }
        return false;
    }

    /** Issue 16: each service migrates as its database's owner role and runs as a role without DDL rights. */
    @Test
    void eachServiceMigratesAsTheOwnerAndRunsAsARoleWithoutDdl() throws IOException {
        for (String service : SERVICES) {
            String db = service.substring(0, service.indexOf('-'));
            JsonNode cluster = object("Cluster", db + "-db");
            assertEquals(db + "_owner", cluster.at("/spec/bootstrap/initdb/owner").asText(), db + ": the owner runs the migrations");
            boolean runtimeRole = false;
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                runtimeRole |= role.path("name").asText().equals(db) && role.path("login").asBoolean();
            }
            assertTrue(runtimeRole, db + ": the service's own login role is managed beside the owner");
            Map<String, String> secrets = new java.util.HashMap<>();
            object("Deployment", service).at("/spec/template/spec/containers/0/env").forEach(e -> secrets.put(e.path("name").asText(),
                    e.at("/valueFrom/secretKeyRef/name").asText()));
            assertEquals(db + "-db-runtime", secrets.get("QUARKUS_DATASOURCE_USERNAME"), service + " runs as the runtime role");
            assertEquals(db + "-db-app", secrets.get("QUARKUS_FLYWAY_USERNAME"), service + " migrates as the owner");
        }
    }

    @Test
    void noSecretIsCommitted() throws IOException {
        for (JsonNode object : all()) {
            assertNotEquals("Secret", object.path("kind").asText(), "Secrets are created by operators or by hand, never committed");
            if (object.path("kind").asText().equals("ConfigMap")) {
                object.path("data").fieldNames().forEachRemaining(key -> assertFalse(key.matches(".*(PASSWORD|TOKEN|SECRET|_KEY)$"),
                        "a secret in a ConfigMap: " + key));
            }
        }
        for (String service : SERVICES) {
            Properties config = config(service);
            for (String key : config.stringPropertyNames()) {
                boolean secret = key.matches(".*(password|token|secret|-key)$");
                boolean fromEnvironment = config.getProperty(key).matches("\\$\\{[A-Z0-9_]+}"); // no default after a colon
                assertFalse(secret && !fromEnvironment && (!key.startsWith("%") || key.startsWith("%prod.")),
                        service + " has a default for " + key + " outside dev and test: production must supply it");
            }
        }
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (String line : compose.lines().filter(l -> l.matches("\\s+[A-Z_]*(PASSWORD|TOKEN|_KEY|SECRET):.*")).toList()) {
            assertTrue(line.contains("${") && line.contains(":?"), "compose must take secrets from the environment: " + line.trim());
        }
    }

    @Test
    void theComposeFileValidatesAndRefusesToRunWithoutItsSecrets() throws Exception {
        Assumptions.assumeTrue(run(ROOT, "docker-compose", "version").exit() == 0,
                "docker-compose (Debian package) is not installed; .ci/run installs it");
        Path env = Files.createTempFile("compose", ".env");
        Files.writeString(env, Stream.of("KEYCLOAK_ADMIN_PASSWORD", "KEYCLOAK_DB_PASSWORD", "KEYCLOAK_HOSTNAME", "PORTAL_URL",
                "INTAKE_DB_PASSWORD", "INTAKE_DB_OWNER_PASSWORD", "DOCUMENT_DB_OWNER_PASSWORD", "SCHEDULING_DB_OWNER_PASSWORD",
                "NOTIFICATION_DB_OWNER_PASSWORD", "DOCUMENT_DB_PASSWORD", "TRACKING_DB_PASSWORD", "TRACKING_DB_OWNER_PASSWORD",
                "USCIS_CLIENT_SECRET",
                "SCHEDULING_DB_PASSWORD", "NOTIFICATION_DB_PASSWORD", "A_NUMBER_ENCRYPTION_KEY", "A_NUMBER_FINGERPRINT_KEY",
                "SCANS_ENCRYPTION_KEY", "TWILIO_AUTH_TOKEN", "PORTAL_CLIENT_SECRET", "PORTAL_SESSION_SECRET").map(k -> k + "=test-value").collect(Collectors.joining("\n")));
        Result valid = run(ROOT, "docker-compose", "--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q");
        assertEquals(0, valid.exit(), valid.output());
        Path empty = Files.createTempFile("compose-empty", ".env");
        Result missing = run(ROOT, "docker-compose", "--env-file", empty.toString(), "-f", "docker-compose.yml", "config", "-q");
        assertNotEquals(0, missing.exit(), "without its secrets the stack must not start");
    }

    /**
     * Issue 16: the compose stack is not the demo. Keycloak runs in production mode ({@code start})
     * on its own database and imports the production realm, which has no users, no password-grant
     * client and no known secret; the demo realm is for {@code ./clinic up} only.
     */
    @Test
    void theComposeStackRunsKeycloakInProductionModeWithoutDemoUsersOrKnownSecrets() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode keycloak = compose.at("/services/keycloak");
        assertEquals("start", keycloak.at("/command/0").asText(), "Keycloak in production mode");
        assertEquals("postgres", keycloak.at("/environment/KC_DB").asText(), "Keycloak on a database of its own");
        String mount = keycloak.at("/volumes/0").asText();
        assertTrue(mount.startsWith("./deploy/keycloak:"), "the production realm is imported, not the demo one: " + mount);
        JsonNode realm = YAML.readTree(ROOT.resolve("deploy/keycloak/clinic-realm.json").toFile());
        assertTrue(realm.path("users").isMissingNode() || realm.path("users").isEmpty(), "no user in the production realm");
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId") + " takes no passwords");
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{[A-Z_]+\\}"), "the secret comes from the environment");
            }
        }
        String text = Files.readString(ROOT.resolve("deploy/keycloak/clinic-realm.json"));
        assertFalse(text.contains("clinic-portal-local-secret") || text.contains("127.0.0.1") || text.contains("\"demo\""),
                "nothing of the local stack in the production realm");
        Set<String> realmRoles = new HashSet<>();
        realm.at("/roles/realm").forEach(r -> realmRoles.add(r.path("name").asText()));
        assertTrue(realmRoles.containsAll(Set.of("caseworker", "supervisor", "clinic-admin")), "the clinic's roles: " + realmRoles);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Keys the code sets only for dev and test, so production must supply them (as env vars). */
    private static Set<String> needsInProduction(Properties config) {
        Set<String> needed = new HashSet<>(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "QUARKUS_OIDC_AUTH_SERVER_URL"));
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("%dev,test.") || key.startsWith("%test,dev.")) {
                String plain = key.substring(key.indexOf('.') + 1);
                if (!config.containsKey(plain) && !config.containsKey("%prod." + plain)) {
                    needed.add(plain.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return needed;
    }

    /** Every channel's topic, or topics: a listener reads several through one channel ({@code topics=a,b}). */
    private static Set<String> consumedTopics(Properties config) {
        return config.stringPropertyNames().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?"))
                .flatMap(k -> java.util.Arrays.stream(config.getProperty(k).split(",")))
                .map(String::trim).collect(Collectors.toSet());
    }

    private static Set<String> aclTopics(JsonNode user, String operation) {
        Set<String> topics = new HashSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            boolean matches = false;
            for (JsonNode op : acl.path("operations")) {
                matches |= op.asText().equals(operation);
            }
            if (matches && acl.at("/resource/type").asText().equals("topic")) {
                topics.add(acl.at("/resource/name").asText());
            }
        }
        return topics;
    }

    private static Properties config(String service) throws IOException {
        Properties properties = new Properties();
        properties.load(Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                StandardCharsets.UTF_8));
        return properties;
    }

    private static JsonNode object(String kind, String name) throws IOException {
        return objects(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/base"));
    }

    private static List<JsonNode> objects(String kind) throws IOException {
        return all().stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static List<JsonNode> all() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.forEachRemaining(d -> {
                        if (d != null && !d.isNull() && !d.isMissingNode()) {
                            objects.add(d);
                        }
                    });
                }
            }
        }
        return objects;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, command[0] + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
