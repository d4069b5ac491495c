package org.clinicflow.system.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.clinicflow.system.ClinicApi;
import org.clinicflow.system.LocalStack;

/**
 * {@code ./clinic bench}: the surge benchmark. On a stack of its own (wiped first), it opens a
 * site with enough seats, warms the services up, then drives
 * N applicants through the whole pipeline as a clinic would: registration over REST with a real
 * token, the checklist awaited, every document checked by "caseworkers", the booking and its
 * SMS left to the services. It reports throughput, latency end to end and per stage, CPU and
 * memory per component, outbox and consumer lag over time, and lost / duplicated SMS, as JSON,
 * Markdown and a plot under {@code results/}; then it offers case reads and name searches at a
 * fixed rate ({@link ReadLoad}) over the cases there are, or {@code --seed-cases} of them; last,
 * the floor ({@link Floor}) runs the shape the surge had, and the report states the pipeline as a
 * ratio of it. Its small-N run is exercised by
 * {@code PipelineProvenTest}; its figures are never asserted as timings.
 */
public final class SurgeBench {

    /**
     * How to run: applicants, offered rate (0 = as fast as the workers go), workers, floor size,
     * warm-up, where results go, and the reads offered afterwards (per second, for how long; 0 = none).
     */
    public record Options(int applicants, double rate, int concurrency, int floorRecords, int warmup, Path results,
            double readRate, int readSeconds, int seedCases) {
        static Options parse(String[] args, Path root) {
            int applicants = 10_000;
            double rate = 0;
            int concurrency = 24;
            Integer floor = null;
            Integer warmup = null;
            Path results = root.resolve("results");
            double readRate = 200;
            int readSeconds = 15;
            int seedCases = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--applicants", "-n" -> applicants = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--floor" -> floor = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--results" -> results = Path.of(args[++i]);
                    case "--read-rate" -> readRate = Double.parseDouble(args[++i]);
                    case "--read-seconds" -> readSeconds = Integer.parseInt(args[++i]);
                    case "--seed-cases" -> seedCases = Integer.parseInt(args[++i]);
                    case "--keep" -> { } // read by main
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--applicants N, --rate R, --concurrency C, --floor N, --warmup N, --results DIR,"
                            + " --read-rate R, --read-seconds S, --seed-cases N, --keep)");
                }
            }
            return new Options(applicants, rate, concurrency, floor == null ? applicants : floor,
                    warmup == null ? Math.min(500, Math.max(20, applicants / 20)) : warmup, results, readRate, readSeconds,
                    seedCases);
        }
    }

    /** What one run found; the report is written from it. */
    public record Outcome(Options options, Floor.Result floor, Figures figures, List<Probe.Sample> samples,
            Map<String, Double> cpuSeconds, double benchQueriesCpuSeconds, Map<String, Map<String, Double>> threadCpuSeconds,
            Map<String, Long> peakRssMb,
            Map<String, Long> outboxAfter, long duplicateSmsPairs, List<ReadLoad.Result> reads) {
    }

    /** SMS the gateway may send per second during the run (the provider's limit is configuration; see the report). */
    public static final int SMS_RATE = 5000;
    /** Registrations the worklist asks document-service about per poll. */
    private static final int WORKLIST_PAGE = 2000;

    private final LocalStack stack;
    private final ClinicApi api;

    public SurgeBench(LocalStack stack) {
        this.stack = stack;
        this.api = new ClinicApi(stack);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", ".")).toAbsolutePath().normalize();
        Options options = Options.parse(args, root);
        LocalStack stack = benchStack(root, ".clinic-bench", 12000);
        System.out.println("==> a fresh stack for the benchmark (" + stack.home() + ", ports +12000)");
        stack.require("reset");
        stack.require("up", "-d");
        try {
            Outcome outcome = new SurgeBench(stack).run(options);
            Path report = Report.write(outcome, options.results());
            System.out.println(Report.markdown(outcome));
            System.out.println("Report: " + report.resolve("report.md"));
            if (outcome.figures().lost() > 0 || outcome.figures().duplicated() > 0) {
                System.exit(1);
            }
        } finally {
            if (!List.of(args).contains("--keep")) {
                stack.clinic("down");
            }
        }
    }

    /** A stack for a driver: its own home and ports, the SMS rate raised to what a surge day's provider account allows. */
    public static LocalStack benchStack(Path root, String home, int offset) {
        return new LocalStack(root, root.resolve(home), offset)
                .withEnvironment("CLINIC_NOTIFICATION_RATE_PER_SECOND", String.valueOf(SMS_RATE))
                .withEnvironment("CLINIC_NOTIFICATION_BURST", String.valueOf(SMS_RATE));
    }

    public Outcome run(Options options) throws Exception {
        String site = api.openSite("surge", options.warmup() + options.applicants() * 11 / 10 + 100);
        try (Ledger ledger = new Ledger(stack)) {
            System.out.printf("==> warm-up: %,d applicants%n", options.warmup());
            drive(site, options.warmup(), 0, options.concurrency(), 0, ledger, new AtomicLong());
            ledger.analyze();
            AtomicLong registered = new AtomicLong();
            try (Probe probe = new Probe(stack, ledger, registered::get)) {
                System.out.printf("==> the surge: %,d applicants (%s, %d workers)%n", options.applicants(),
                        options.rate() > 0 ? options.rate() + " per second offered" : "as fast as they go", options.concurrency());
                probe.start();
                Map<UUID, Instant> starts = drive(site, options.applicants(), options.rate(), options.concurrency(),
                        options.warmup(), ledger, registered);
                // The last booking SMS is not the last of the surge's work: intake's timeline, the receipts
                // and whatever an outbox still holds follow it. The CPU per applicant counts that work too,
                // and the floor's shape is read from counts that are complete.
                awaitSettled(probe, ledger);
                Map<UUID, Ledger.Journey> journeys = ledger.journeys(starts.keySet());
                Figures figures = new Figures(starts, journeys.values());
                List<Probe.Sample> samples = probe.samples();
                Map<String, Double> cpu = probe.cpuSeconds();
                double benchQueries = probe.benchQueriesSeconds();
                Map<String, Map<String, Double>> threadCpu = probe.threadCpuSeconds();
                Map<String, Long> rss = probe.peakRssMb();
                List<ReadLoad.Result> reads = List.of();
                if (options.readRate() > 0 && options.readSeconds() > 0 && !starts.isEmpty()) {
                    int cases = options.warmup() + starts.size();
                    if (options.seedCases() > cases) {
                        long t = System.nanoTime();
                        int added = CaseSeed.seed(stack, site, options.seedCases());
                        cases += added;
                        if (added > 0) {
                            System.out.printf("==> seeded %,d more cases in intake's database (%.0f s)%n", added,
                                    (System.nanoTime() - t) / 1e9);
                        }
                    }
                    System.out.printf("==> reads: case reads, then name searches, %.0f per second for %d s each, over %,d cases%n",
                            options.readRate(), options.readSeconds(), cases);
                    reads = new ReadLoad(stack, api).measure(List.copyOf(starts.keySet()), cases, options.readRate(),
                            options.readSeconds());
                }
                Floor.Result floor = null;
                if (options.floorRecords() > 0) {
                    // The floor runs the shape this very run had, on the same stack, now idle.
                    FloorShape shape = FloorShape.measured(ledger.eventsByType("intake"), options.warmup() + starts.size());
                    System.out.printf("==> the floor: %,d applicants in the same shape (%d REST calls, %.1f events, %.1f deliveries each),"
                            + " no business logic%n", options.floorRecords(), FloorShape.REST_CALLS, shape.eventsPerApplicant(),
                            shape.deliveriesPerApplicant());
                    try {
                        Floor bare = new Floor(stack, ledger::backendPids);
                        System.out.printf("    its relays' passes at least %d ms apart, as the pipeline's%n", bare.relayGap().toMillis());
                        floor = bare.measure(options.floorRecords(), options.warmup(), options.concurrency(), shape,
                                () -> api.bearer("supervisor"));
                        System.out.printf("    %,.0f applicants/s, p50 %.1f ms, p99 %.1f ms%n", floor.perSecond(),
                                floor.p50Micros() / 1000.0, floor.p99Micros() / 1000.0);
                    } catch (Exception e) {
                        // The pipeline's figures stand on their own; a floor that failed is reported as missing.
                        System.out.println("    the floor failed, reported without it: " + e);
                    }
                }
                return new Outcome(options, floor, figures, samples, cpu, benchQueries, threadCpu, rss, ledger.outboxRows(),
                        ledger.duplicateSms(), reads);
            }
        }
    }

    /**
     * Runs {@code count} applicants (phone numbers from {@code firstIndex}) and waits until each
     * has a booking SMS or the pipeline stops making progress. Registration desks register over
     * REST; caseworkers take each case from their worklist once document-service has opened its
     * checklist and check the documents over REST. The worklist is read from document-service's
     * table (never polled over HTTP: a driver hammering the API would be load the clinic never
     * sees). Answers each applicant's intended start time.
     */
    private Map<UUID, Instant> drive(String site, int count, double rate, int concurrency, int firstIndex, Ledger ledger,
            AtomicLong registered) throws InterruptedException {
        Map<UUID, Instant> starts = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch handled = new CountDownLatch(count);
        long smsBefore = ledger.smsAccepted();
        ExecutorService desks = Executors.newFixedThreadPool(concurrency);
        ExecutorService caseworkers = Executors.newFixedThreadPool(Math.max(2, concurrency / 2));
        Queue<UUID> registeredInOrder = new ConcurrentLinkedQueue<>();
        Thread worklist = new Thread(() -> handOut(ledger, registeredInOrder, caseworkers, failures, handled), "worklist");
        worklist.setDaemon(true);
        long t0 = System.nanoTime();
        Instant epoch0 = Instant.now();
        worklist.start();
        for (int i = 0; i < count; i++) {
            int index = firstIndex + i;
            long intended = rate > 0 ? t0 + (long) (i * 1e9 / rate) : -1;
            if (intended > 0) {
                LockSupport.parkNanos(intended - System.nanoTime());
            }
            desks.execute(() -> {
                long started = intended > 0 ? intended : System.nanoTime();
                UUID id = api.registerNumbered(site, index);
                if (id == null) {
                    failures.incrementAndGet();
                    handled.countDown();
                    return;
                }
                starts.put(id, epoch0.plusNanos(started - t0));
                registeredInOrder.add(id);
                registered.incrementAndGet();
            });
        }
        desks.shutdown();
        long left = handled.getCount();
        long lastChange = System.nanoTime();
        while (!handled.await(5, TimeUnit.SECONDS)) {
            if (handled.getCount() != left) {
                left = handled.getCount();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofMinutes(2).toNanos()) {
                System.out.printf("    stalled: %,d cases never reached a caseworker%n", left);
                break;
            }
        }
        worklist.interrupt();
        caseworkers.shutdown();
        if (failures.get() > 0) {
            System.out.printf("    %d applicants could not be registered or checked (see the services' logs)%n", failures.get());
        }
        awaitSms(ledger, smsBefore + starts.size());
        return starts;
    }

    /**
     * Hands each of this run's cases to a caseworker as soon as its checklist is open. Asks about
     * the oldest waiting registrations only (checklists open in about registration order), at
     * most {@link #WORKLIST_PAGE} a time, so one poll stays a few key lookups however long the run.
     */
    private void handOut(Ledger ledger, Queue<UUID> registeredInOrder, ExecutorService caseworkers, AtomicInteger failures,
            CountDownLatch handled) {
        Set<UUID> waiting = new LinkedHashSet<>();
        while (!Thread.currentThread().isInterrupted() && handled.getCount() > 0) {
            for (UUID id; (id = registeredInOrder.poll()) != null;) {
                waiting.add(id);
            }
            List<UUID> oldest = waiting.stream().limit(WORKLIST_PAGE).toList();
            Set<UUID> opened = ledger.checklistsOpened(oldest);
            for (UUID id : opened) {
                waiting.remove(id);
                caseworkers.execute(() -> {
                    if (api.checkDocuments(id) != ClinicApi.Check.VERIFIED) {
                        failures.incrementAndGet();
                    }
                    handled.countDown();
                });
            }
            if (opened.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    /**
     * Waits until no outbox holds a row and no consumer group lags (timeline entries and SMS
     * receipts still flow after the last booking SMS), at most five minutes: the CPU figures then
     * count the whole surge's work, and the reads measure reads, not the backlog. Lag is read from
     * committed offsets, which consumers commit every few seconds, so the wait can outlast the work
     * by that much (idle CPU, about a fifth of a core for the whole stack).
     */
    private static void awaitSettled(Probe probe, Ledger ledger) throws InterruptedException {
        long start = System.nanoTime();
        long lag = Long.MAX_VALUE;
        long outboxes = Long.MAX_VALUE;
        while (System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            lag = probe.consumerLag().values().stream().mapToLong(v -> Math.max(0, v)).sum();
            outboxes = ledger.outboxRows().values().stream().mapToLong(Long::longValue).sum();
            if (lag == 0 && outboxes == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("    the pipeline settled in %.0f s (consumer lag %,d, outbox rows %,d)%n",
                (System.nanoTime() - start) / 1e9, lag, outboxes);
    }

    /** Waits until {@code target} SMS were accepted, or nothing moved for two minutes. */
    public static void awaitSms(Ledger ledger, long target) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = ledger.smsAccepted();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofMinutes(2).toNanos()) {
                System.out.printf("    stalled at %,d of %,d SMS%n", now, target);
                return;
            }
            Thread.sleep(250);
        }
    }
}
