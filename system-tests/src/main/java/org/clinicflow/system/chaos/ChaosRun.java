package org.clinicflow.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicflow.system.ClinicApi;
import org.clinicflow.system.LocalStack;
import org.clinicflow.system.bench.Ledger;
import org.clinicflow.system.bench.Probe;
import org.clinicflow.system.bench.SurgeBench;

/**
 * {@code ./clinic chaos}: fault injection on a stack of its own. While N applicants go through
 * registration and document checks, it kills each service with SIGKILL and starts it again,
 * restarts the Kafka broker and PostgreSQL, runs a second notification-service in the same
 * consumer group and then kills it, and injects malformed events. When the pipeline has
 * settled it checks what a clinic would: every applicant booked and texted exactly once, no
 * SMS twice, outboxes empty, dead-letter topics holding only the injected records, and the two
 * injected orphans (a booking for an unknown id, an applicant whose contact point never comes)
 * parked for themselves alone without holding anyone else up; then it
 * rewinds every service's consumer group to the start of its topics and checks that the replay
 * changed no row anywhere. {@code PipelineProvenTest} runs it at a small N in CI.
 */
public final class ChaosRun {

    /** What the run found: each failed check in words (none when it passed), and what it did. */
    public record Verdict(List<String> failures, List<String> log) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final LocalStack stack;
    private final ClinicApi api;
    private final List<String> failures = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    public ChaosRun(LocalStack stack) {
        this.stack = stack;
        this.api = new ClinicApi(stack);
    }

    public static void main(String[] args) throws Exception {
        int applicants = 200;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--applicants") || args[i].equals("-n")) {
                applicants = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (--applicants N)");
            }
        }
        Path root = Path.of(System.getProperty("clinic.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = SurgeBench.benchStack(root, ".clinic-chaos", 14000);
        System.out.println("==> a fresh stack for fault injection (" + stack.home() + ", ports +14000)");
        stack.require("reset");
        stack.require("up", "-d");
        Verdict verdict;
        try {
            verdict = new ChaosRun(stack).run(applicants);
        } finally {
            stack.clinic("down");
        }
        System.out.println(verdict.passed() ? "PASSED: nothing lost, nothing twice, replay changed nothing"
                : "FAILED:\n  " + String.join("\n  ", verdict.failures()));
        System.exit(verdict.passed() ? 0 : 1);
    }

    public Verdict run(int applicants) throws Exception {
        String site = api.openSite("chaos", applicants * 2);
        Set<String> injected = Faults.injectMalformed(stack, 3);
        say("injected %d malformed events into %s", injected.size(), Faults.INJECTED_TOPIC);
        Set<UUID> orphans = Faults.injectOrphans(stack, site);
        say("injected two orphans: a booking for an id nobody registered, an applicant whose contact point never comes: %s",
                orphans);
        try (Ledger ledger = new Ledger(stack); Probe probe = new Probe(stack, ledger, () -> 0)) {
            stack.require("start", "notification-service-2");
            Faults.awaitMembers(stack, "notification-service", 2);
            say("notification-service runs twice in one group: %s", Faults.assignment(stack, "notification-service"));

            Map<UUID, Integer> people = new ConcurrentHashMap<>();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            for (int i = 0; i < applicants; i++) {
                int index = i;
                workers.execute(() -> {
                    UUID id = api.throughDocuments(site, index);
                    if (id == null) {
                        failed.incrementAndGet();
                    } else {
                        people.put(id, index);
                    }
                    done.incrementAndGet();
                });
            }
            workers.shutdown();
            List<Runnable> faults = faults(ledger);
            for (int f = 0; f < faults.size(); f++) {
                int threshold = applicants * (f + 1) / (faults.size() + 1);
                while (done.get() < threshold && !workers.isTerminated()) {
                    Thread.sleep(100);
                }
                faults.get(f).run();
            }
            workers.awaitTermination(1, TimeUnit.HOURS);
            if (failed.get() > 0) {
                failures.add(failed.get() + " applicants could not be registered and checked through the faults");
            }
            settle(ledger, probe, people.size());
            check(ledger, people.keySet(), injected);
            checkParked(ledger, orphans);
            replay(ledger, probe);
        }
        return new Verdict(List.copyOf(failures), List.copyOf(log));
    }

    private List<Runnable> faults(Ledger ledger) {
        List<Runnable> faults = new ArrayList<>();
        for (String service : LocalStack.SERVICES) {
            faults.add(() -> crash(service));
        }
        faults.add(() -> restart("kafka"));
        faults.add(() -> {
            restart("postgres");
            try {
                ledger.reconnect(stack);
            } catch (java.sql.SQLException e) {
                failures.add("PostgreSQL did not come back: " + e.getMessage());
            }
        });
        faults.add(() -> {
            long work = Faults.inboxEvents(stack.servicePort("notification-service") + 100);
            say("the second notification-service applied %d events before it was killed", work);
            if (work == 0) {
                failures.add("the second notification-service instance got no work: the group did not share partitions");
            }
            Map<String, Integer> partitions = Faults.partitionsPerChannel(stack, "notification-service");
            stopKilled("notification-service-2");
            try {
                long seconds = Faults.awaitSoleMember(stack, "notification-service", partitions);
                say("the survivor took over every partition %d s after the kill: %s", seconds,
                        Faults.assignment(stack, "notification-service"));
            } catch (Exception e) {
                failures.add("the surviving notification-service did not take over: " + e.getMessage());
            }
        });
        return faults;
    }

    private void crash(String service) {
        stopKilled(service);
        require("start", service);
    }

    private void stopKilled(String name) {
        say("kill -9 %s", name);
        require("stop", name, "--kill");
    }

    private void restart(String component) {
        say("restart %s", component);
        require("restart", component);
    }

    private void require(String... args) {
        try {
            stack.require(args);
        } catch (Exception e) {
            failures.add("./clinic " + String.join(" ", args) + " failed: " + e.getMessage());
        }
    }

    /** Waits for every booking SMS, then for empty outboxes and no consumer lag. */
    private void settle(Ledger ledger, Probe probe, int expected) throws InterruptedException {
        SurgeBench.awaitSms(ledger, expected);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long outbox = ledger.outboxRows().values().stream().mapToLong(Long::longValue).sum();
            long lag = probe.consumerLag().values().stream().mapToLong(Long::longValue).sum();
            if (outbox == 0 && lag == 0) {
                say("settled: outboxes empty, no consumer lag");
                return;
            }
            Thread.sleep(250);
        }
        failures.add("did not settle in 3 minutes: outboxes " + ledger.outboxRows() + ", lag " + probe.consumerLag());
    }

    private void check(Ledger ledger, Set<UUID> people, Set<String> injected) {
        int notBooked = 0;
        int lost = 0;
        int twice = 0;
        for (Ledger.Journey j : ledger.journeys(people).values()) {
            notBooked += j.booked() == null ? 1 : 0;
            lost += j.bookingSms() == 0 ? 1 : 0;
            twice += j.bookingSms() > 1 ? 1 : 0;
        }
        long duplicates = ledger.duplicateSms();
        say("%d applicants: %d not booked, %d without their booking SMS, %d texted twice, %d duplicate SMS", people.size(),
                notBooked, lost, twice, duplicates);
        if (notBooked + lost + twice > 0 || duplicates > 0) {
            failures.add(String.format("lost or doubled: %d not booked, %d booking SMS missing, %d applicants texted twice,"
                    + " %d duplicate SMS", notBooked, lost, twice, duplicates));
        }
        Map<String, Long> outbox = ledger.outboxRows();
        if (outbox.values().stream().anyMatch(n -> n > 0)) {
            failures.add("events left in outboxes: " + outbox);
        }
        Map<String, Set<String>> parked = Faults.deadLettered(stack);
        Set<String> unexpected = new java.util.TreeSet<>();
        parked.values().forEach(unexpected::addAll);
        unexpected.removeAll(injected);
        Set<String> seen = new java.util.HashSet<>();
        parked.values().forEach(seen::addAll);
        say("dead-letter topics: %s", parked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
        if (!unexpected.isEmpty()) {
            failures.add("dead-letter topics hold events that were not injected: " + unexpected);
        }
        if (!seen.containsAll(injected)) {
            failures.add("an injected malformed event was not dead-lettered");
        }
    }

    /** The orphans wait, parked, in the services that need what never came; nobody else's events do. */
    private void checkParked(Ledger ledger, Set<UUID> orphans) {
        Map<String, Set<String>> parked = ledger.parkedApplicants();
        say("parked applicants per database: %s", parked);
        Set<String> expected = new java.util.TreeSet<>();
        orphans.forEach(o -> expected.add(o.toString()));
        parked.forEach((db, keys) -> {
            Set<String> others = new java.util.TreeSet<>(keys);
            others.removeAll(expected);
            if (!others.isEmpty()) {
                failures.add(db + " parked events of applicants that were not injected as orphans: " + others);
            }
        });
        if (!parked.getOrDefault("notification", Set.of()).containsAll(expected)) {
            failures.add("notification did not park both orphans' bookings (no contact point): " + parked.get("notification"));
        }
    }

    /** Rewinds every service's group to the start of its topics; no table may change. */
    private void replay(Ledger ledger, Probe probe) throws Exception {
        Map<String, Long> before = ledger.tableCounts();
        for (String service : LocalStack.SERVICES) {
            require("stop", service);
        }
        for (String service : LocalStack.SERVICES) {
            int partitions = Faults.rewind(stack, service);
            say("rewound %s's consumer group on %d partitions", service, partitions);
        }
        for (String service : LocalStack.SERVICES) {
            require("start", service);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        boolean consumed = false;
        while (!consumed && System.nanoTime() < deadline) {
            Map<String, Long> lag = probe.consumerLag();
            consumed = LocalStack.SERVICES.stream().allMatch(s -> lag.getOrDefault(s, 1L) == 0)
                    && ledger.outboxRows().values().stream().allMatch(n -> n == 0);
            Thread.sleep(250);
        }
        if (!consumed) {
            failures.add("the replay was not consumed in 3 minutes: lag " + probe.consumerLag());
        }
        Map<String, Long> after = ledger.tableCounts();
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, n) -> {
            if (!n.equals(after.get(table))) {
                changed.put(table, n + " -> " + after.get(table));
            }
        });
        say("replayed every topic from the start at %s: %d tables, %s", Instant.now(), before.size(),
                changed.isEmpty() ? "none changed" : "changed " + changed);
        if (!changed.isEmpty()) {
            failures.add("replaying the topics changed rows: " + changed);
        }
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        log.add(line);
        System.out.println("    " + line);
        System.out.flush();
    }
}
