package org.clinicflow.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.clinicflow.system.LocalStack;

/**
 * The honest floor: the real flow's shape ({@link FloorShape}) with no business logic, on the very
 * stack the benchmark drives, in the same run. Per applicant: the same three REST calls, each
 * with its token's signature checked ({@link FloorHttp}); the same events on the same topics; the
 * same consumers reading them (a record a consumer does not act on costs it only the read); each
 * act one inbox row and one row of effect in a transaction per poll; four databases, each with an
 * outbox and a relay woken by NOTIFY whose passes keep the pipeline's gap ({@link FloorService}). Desks register with the bench's
 * concurrency and caseworkers check documents as soon as the checklist is open, as in the
 * benchmark; it ends when the booking's SMS row commits. Warmed up first and its tables analyzed
 * (a new table's plan halves throughput until then); nothing polls the database in a loop. The
 * pipeline's throughput is reported as a ratio of this one's. Exercised by {@code PipelineProvenTest}.
 */
public final class Floor {

    /** What the floor run measured, and the shape it ran. */
    public record Result(int applicants, double seconds, double perSecond, long p50Micros, long p99Micros, FloorShape shape,
            Map<String, Double> cpuSeconds, Map<String, Double> jvmUpkeepSeconds) {

        /** CPU per applicant in ms, all the floor's components together (an upper bound: see {@link FloorCpu}). */
        public double cpuMsPerApplicant() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / Math.max(1, applicants);
        }
    }

    /** Name prefixes of the driver's threads, whose CPU the floor's figure leaves out. */
    static final String DESK_THREADS = "floor-desk-";
    static final String CASEWORKER_THREADS = "floor-caseworker-";
    static final String HTTP_THREADS = "floor-http-";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final LocalStack stack;
    private final String run = "floor" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<UUID, Long> starts = new ConcurrentHashMap<>();
    private final Map<UUID, Long> ends = new ConcurrentHashMap<>();
    private final BlockingQueue<UUID> worklist = new LinkedBlockingQueue<>();
    private final List<FloorService> running = new ArrayList<>();
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2, named(HTTP_THREADS));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();

    /** The services' relay gap when the run does not set one: {@code MessagingConfig.Outbox#minGap}'s default. */
    static final Duration PIPELINE_RELAY_GAP = Duration.ofMillis(100);

    private final Duration relayGap;
    private final java.util.function.Supplier<java.util.Set<Long>> notCounted;

    /**
     * A floor whose relays keep the pipeline's gap between passes ({@link #pipelineRelayGap()}),
     * its CPU read without the processes {@code notCounted} gives (the bench's own database
     * sessions, as for the pipeline's figure).
     */
    public Floor(LocalStack stack, java.util.function.Supplier<java.util.Set<Long>> notCounted) {
        this.stack = stack;
        this.relayGap = pipelineRelayGap();
        this.notCounted = notCounted;
    }

    /** The least gap between relay passes of this floor's relays. */
    public Duration relayGap() {
        return relayGap;
    }

    /**
     * The gap the pipeline's relays run with in this bench: {@code CLINIC_MESSAGING_OUTBOX_MIN_GAP}
     * as the bench passed it on to the services, else their default. Written the way Quarkus
     * reads it: ISO-8601 ({@code PT0.1S}), or a number with {@code ms} or {@code s} (a bare number is seconds).
     */
    static Duration pipelineRelayGap() {
        String set = System.getenv("CLINIC_MESSAGING_OUTBOX_MIN_GAP");
        return set == null || set.isBlank() ? PIPELINE_RELAY_GAP : duration(set.trim());
    }

    static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s)?").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration the services would read: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    /** How many of a fractional per-applicant count this applicant gets (5.4 is 5 for most, 6 for some). */
    static int count(double perApplicant, UUID applicant) {
        int whole = (int) Math.floor(perApplicant);
        double part = perApplicant - whole;
        return whole + ((applicant.hashCode() & 0x7fffffff) % 1000 < part * 1000 ? 1 : 0);
    }

    public Result measure(int applicants, int warmup, int concurrency, FloorShape shape,
            java.util.function.Supplier<String> token) throws Exception {
        Map<String, FloorService> services = new java.util.LinkedHashMap<>();
        for (String name : FloorShape.SERVICES) {
            services.put(name, new FloorService(name, stack, run, reaction(name, shape), stop, relayGap));
        }
        for (FloorService service : services.values()) {
            service.prepare();
        }
        createTopics();
        TokenCheck tokens = new TokenCheck("http://127.0.0.1:" + stack.keycloakPort() + "/realms/clinic");
        services.values().forEach(FloorService::start);
        running.addAll(services.values());
        ExecutorService caseworkers = Executors.newFixedThreadPool(Math.max(2, concurrency / 2), named(CASEWORKER_THREADS));
        // The desks live through both drives, so their threads' CPU can be read at the end and left out.
        ExecutorService desks = Executors.newFixedThreadPool(concurrency, named(DESK_THREADS));
        try (FloorHttp api = new FloorHttp(tokens, services.get("intake"), services.get("document"), shape, run)) {
            for (int i = 0; i < Math.max(2, concurrency / 2); i++) {
                caseworkers.execute(() -> caseworker(api.port(), token));
            }
            Thread.sleep(3000); // the consumers join their groups before the first record
            drive(api.port(), token, Math.max(warmup, 20), desks);
            for (FloorService service : services.values()) {
                service.analyze();
            }
            starts.clear();
            ends.clear();
            ThreadCpu own = new ThreadCpu();
            long pid = ProcessHandle.current().pid();
            own.readJvm(FloorCpu.OWN, pid);
            FloorCpu.Reading before = FloorCpu.read(stack, notCounted.get());
            List<UUID> measured = drive(api.port(), token, applicants, desks);
            Map<String, Double> cpu = FloorCpu.spent(before, FloorCpu.read(stack, notCounted.get()));
            own.readJvm(FloorCpu.OWN, pid);
            Map<String, Double> upkeep = FloorCpu.upkeep(own.seconds().getOrDefault(FloorCpu.OWN, Map.of()));
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            long first = Long.MAX_VALUE;
            long last = 0;
            for (UUID id : measured) {
                long start = starts.get(id);
                long end = ends.get(id);
                latency.recordValue(Math.max(0, (end - start) / 1000));
                first = Math.min(first, start);
                last = Math.max(last, end);
            }
            double seconds = (last - first) / 1e9;
            return new Result(measured.size(), seconds, measured.size() / seconds, latency.getValueAtPercentile(50),
                    latency.getValueAtPercentile(99), shape, cpu, upkeep);
        } finally {
            stop.set(true);
            caseworkers.shutdownNow();
            desks.shutdownNow();
            httpThreads.shutdownNow();
            for (FloorService service : services.values()) {
                service.join();
            }
        }
    }

    /** Registers {@code count} applicants from the desks; returns once each has its SMS row. */
    private List<UUID> drive(int port, java.util.function.Supplier<String> token, int count, ExecutorService desks)
            throws InterruptedException {
        List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch registered = new java.util.concurrent.CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            desks.execute(() -> {
                try {
                    register(port, token, ids);
                } finally {
                    registered.countDown();
                }
            });
        }
        if (!registered.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the floor's desks did not finish registering in 30 minutes");
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!ends.keySet().containsAll(ids)) {
            if (!running.stream().allMatch(FloorService::alive)) {
                throw new IllegalStateException("a floor consumer or relay failed (see the driver's output)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the floor did not finish: " + ids.stream().filter(id -> !ends.containsKey(id)).count()
                        + " of " + ids.size() + " applicants without their SMS");
            }
            Thread.sleep(50);
        }
        if (ids.size() < count) {
            throw new IllegalStateException("the floor's REST side refused " + (count - ids.size()) + " registrations");
        }
        return ids;
    }

    /** One desk registers one applicant. */
    private void register(int port, java.util.function.Supplier<String> token, List<UUID> ids) {
        long start = System.nanoTime();
        HttpResponse<String> answer = call(port, token, "POST", "/register");
        if (answer != null && answer.statusCode() == 200) {
            UUID id = UUID.fromString(readId(answer.body()));
            starts.put(id, start);
            ids.add(id);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String readId(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the floor's register answered " + body, e);
        }
    }

    /** A caseworker: opens each checklist as it appears and saves the checks. */
    private void caseworker(int port, java.util.function.Supplier<String> token) {
        try {
            while (!stop.get()) {
                UUID id = worklist.poll(100, TimeUnit.MILLISECONDS);
                if (id != null) {
                    call(port, token, "GET", "/checklist/" + id);
                    call(port, token, "PUT", "/documents/" + id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> call(int port, java.util.function.Supplier<String> token, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token.get())
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"checks\":[]}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What each service does when it acts on an event, beyond its inbox row and row of effect. */
    private FloorService.Reaction reaction(String service, FloorShape shape) {
        return new FloorService.Reaction() {
            @Override
            public List<String> act(Connection c, String type, UUID applicant) throws SQLException {
                switch (service + "/" + type) {
                    case "document/registered" -> {
                        try (PreparedStatement insert = c.prepareStatement("INSERT INTO subject (id) VALUES (?) ON CONFLICT DO NOTHING")) {
                            insert.setObject(1, applicant);
                            insert.executeUpdate();
                        }
                        return List.of("opened");
                    }
                    case "scheduling/ready" -> {
                        return List.of("booked");
                    }
                    case "notification/booked" -> {
                        List<String> events = new ArrayList<>();
                        events.add("sent");
                        for (int i = 0; i < count(shape.delivered(), applicant); i++) {
                            events.add("delivered");
                        }
                        return events;
                    }
                    default -> {
                        return List.of();
                    }
                }
            }

            @Override
            public void committed(String type, UUID applicant) {
                if (service.equals("document") && type.equals("registered")) {
                    worklist.add(applicant);
                } else if (service.equals("notification") && type.equals("booked")) {
                    ends.putIfAbsent(applicant, System.nanoTime());
                }
            }
        };
    }

    private void createTopics() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : new java.util.TreeSet<>(FloorShape.TOPIC_OF.values())) {
                topics.add(new NewTopic(run + "." + topic, 6, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }
}
