package org.clinicflow.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.clinicflow.system.LocalStack;

/**
 * Samples the running stack once a second while a run goes on: each component's CPU (its whole
 * process tree, from /proc) and resident memory, the JVMs' CPU by thread ({@link ThreadCpu}), rows
 * waiting in each service's outbox, each service's consumer lag, and the driver's own counters.
 * What it keeps becomes the report's time series and per-component figures. Used by
 * {@link SurgeBench} and the fault-injection run.
 */
public final class Probe implements AutoCloseable {

    /** One second of the run. */
    public record Sample(double second, long registered, long smsAccepted, Map<String, Long> outbox, Map<String, Long> lag,
            Map<String, Double> cpuPercent, Map<String, Long> rssMb) {
    }

    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final LocalStack stack;
    private final Ledger ledger;
    private final LongSupplier registered;
    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, Long> totalTicks = new HashMap<>();
    private final Map<String, Long> peakRss = new HashMap<>();
    private long lastBenchQueryTicks = -1;
    private long benchQueryTicks;
    private final ThreadCpu threads = new ThreadCpu();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe");
        t.setDaemon(true);
        return t;
    });
    private long start;
    private long lastSampleNanos;

    public Probe(LocalStack stack, Ledger ledger, LongSupplier registered) {
        this.stack = stack;
        this.ledger = ledger;
        this.registered = registered;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.admin = Admin.create(config);
    }

    public void start() {
        start = System.nanoTime();
        lastSampleNanos = start;
        readCpu(); // the baseline
        readThreads();
        totalTicks.clear();
        benchQueryTicks = 0;
        timer.scheduleAtFixedRate(this::sampleQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** CPU seconds each component used since {@link #start()}. */
    public synchronized Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        totalTicks.forEach((name, ticks) -> seconds.put(name, ticks / (double) TICKS_PER_SECOND));
        return seconds;
    }

    /** CPU seconds PostgreSQL spent since {@link #start()} on the bench's own queries, which {@link #cpuSeconds()} leaves out. */
    public synchronized double benchQueriesSeconds() {
        return benchQueryTicks / (double) TICKS_PER_SECOND;
    }

    /** CPU seconds each JVM component's thread groups used since {@link #start()}, largest first. */
    public synchronized Map<String, Map<String, Double>> threadCpuSeconds() {
        return threads.seconds();
    }

    /** The largest resident set each component had, in MB. */
    public synchronized Map<String, Long> peakRssMb() {
        return new LinkedHashMap<>(peakRss);
    }

    /** Consumer lag of every group on the broker (records not yet consumed), or -1 where the broker did not answer. */
    public Map<String, Long> consumerLag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            List<String> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream().map(g -> g.groupId())
                    .sorted().toList();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(5, TimeUnit.SECONDS);
                long sum = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        sum += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group, sum);
            }
        } catch (Exception e) {
            lag.put("broker", -1L); // restarting: the gap in the series shows it
        }
        return lag;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a component restarting mid-sample; the next second samples again
        }
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        double elapsed = (now - lastSampleNanos) / 1e9;
        lastSampleNanos = now;
        Map<String, long[]> cpu = readCpu();
        readThreads();
        Map<String, Double> percent = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        cpu.forEach((name, v) -> {
            percent.put(name, Math.round(v[0] / (double) TICKS_PER_SECOND / elapsed * 1000) / 10.0);
            rss.put(name, v[1]);
            peakRss.merge(name, v[1], Math::max);
        });
        samples.add(new Sample(Math.round((now - start) / 1e8) / 10.0, registered.getAsLong(), ledger.smsAccepted(),
                ledger.outboxRows(), consumerLag(), percent, rss));
    }

    /** Component name to {ticks since the last reading, RSS in MB}, summed over each component's process tree. */
    private Map<String, long[]> readCpu() {
        Map<String, long[]> result = new LinkedHashMap<>();
        Set<Long> benchSessions = ledger.backendPids();
        long benchTicks = benchSessions.stream().mapToLong(p -> stat(p)[0]).sum();
        benchQueryTicks += lastBenchQueryTicks < 0 ? 0 : Math.max(0, benchTicks - lastBenchQueryTicks);
        lastBenchQueryTicks = benchTicks;
        componentTicks(stack, benchSessions).forEach((name, now) -> {
            long ticks = now[0];
            long previous = lastTicks.getOrDefault(name, ticks);
            lastTicks.put(name, ticks);
            long delta = Math.max(0, ticks - previous);
            totalTicks.merge(name, delta, Long::sum);
            result.put(name, new long[] {delta, now[1] / 1024});
        });
        return result;
    }

    private void readThreads() {
        try {
            threads.read(stack.components());
        } catch (IOException e) {
            // no pid files yet: the next second reads again
        }
    }

    /**
     * CPU seconds each component of the stack has used since it started (its whole process tree
     * less the processes {@code notCounted}), for a before-and-after.
     */
    static Map<String, Double> cpuSecondsSoFar(LocalStack stack, Set<Long> notCounted) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        componentTicks(stack, notCounted).forEach((name, now) -> seconds.put(name, now[0] / (double) TICKS_PER_SECOND));
        return seconds;
    }

    /**
     * Component name to {utime + stime ticks since it started, RSS kB}, each summed over the
     * component's process tree except the processes {@code notCounted} (the database server's
     * processes that answer the bench's own queries).
     */
    private static Map<String, long[]> componentTicks(LocalStack stack, Set<Long> notCounted) {
        Map<String, long[]> result = new LinkedHashMap<>();
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, Long> components;
        try {
            components = stack.components();
        } catch (IOException e) {
            return result;
        }
        components.forEach((name, pid) -> {
            long ticks = 0;
            long rssKb = 0;
            for (long p : tree(pid, children)) {
                if (notCounted.contains(p)) {
                    continue;
                }
                long[] stat = stat(p);
                ticks += stat[0];
                rssKb += stat[1];
            }
            result.put(name, new long[] {ticks, rssKb});
        });
        return result;
    }

    private static Set<Long> tree(long root, Map<Long, List<Long>> children) {
        Set<Long> all = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long p = todo.pop();
            if (all.add(p)) {
                todo.addAll(children.getOrDefault(p, List.of()));
            }
        }
        return all;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                long parent = parentOf(pid);
                if (parent > 0) {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(pid);
                }
            });
        } catch (IOException e) {
            // no /proc: CPU figures stay empty
        }
        return children;
    }

    private static long parentOf(long pid) {
        String[] fields = statFields(Path.of("/proc/" + pid + "/stat"));
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** {utime + stime ticks, RSS kB} of one process; zeros when it is gone. */
    private static long[] stat(long pid) {
        String[] fields = statFields(Path.of("/proc/" + pid + "/stat"));
        if (fields == null) {
            return new long[] {0, 0};
        }
        long rssPages = Long.parseLong(fields[21]);
        return new long[] {ticks(fields), rssPages * 4};
    }

    /** utime + stime of a process's or a thread's {@link #statFields}. */
    static long ticks(String[] fields) {
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * The fields of a {@code stat} file, a process's or a thread's, after the command name (field 3,
     * the state, is index 0); null when the process or thread is gone.
     */
    static String[] statFields(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
