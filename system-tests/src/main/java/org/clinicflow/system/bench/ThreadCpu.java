package org.clinicflow.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a JVM component's CPU goes, by thread: each time the probe samples, it reads
 * {@code /proc/PID/task/TID/stat} and {@code comm} of the services' and the broker's processes
 * (and, around the floor, of the bench's own JVM: {@link #readJvm}), and credits each thread's
 * growth since it was first seen to its group, the thread's name without its number
 * ({@code executor-thread}, {@code smallrye-kafka-consumer-thread}, {@code outbox-relay},
 * {@code sms-dispatcher}, {@code C1 CompilerThre} for the compiler, {@code VM Thread} for the
 * serial collector's pauses). Linux keeps 15 characters of a name. A thread that ends between
 * two samples loses at most a second's CPU, so a component's groups add up to at most its
 * process's figure. Checked by {@code PipelineProvenTest} against that figure.
 */
final class ThreadCpu {

    private static final Pattern NUMBERED = Pattern.compile("[-#]?\\d+$");

    /** One thread: its group, and its ticks when first and when last seen. */
    private static final class Seen {
        final String group;
        final long first;
        long last;

        Seen(String group, long first, long last) {
            this.group = group;
            this.first = first;
            this.last = last;
        }
    }

    /** Component to thread id to what was seen of the thread. */
    private final Map<String, Map<Long, Seen>> threads = new HashMap<>();
    private boolean started;

    /** Components worth breaking down: one JVM each (PostgreSQL is a process per connection). */
    static boolean isJvm(String component) {
        return component.endsWith("-service") || component.equals("kafka");
    }

    /** Reads every thread of these components; the first call is the baseline, later ones count. */
    void read(Map<String, Long> components) {
        components.forEach((name, pid) -> {
            if (isJvm(name)) {
                readThreads(name, pid);
            }
        });
        started = true;
    }

    /** Reads every thread of one JVM named {@code name} (the bench's own, for the floor); the first call is the baseline. */
    void readJvm(String name, long pid) {
        readThreads(name, pid);
        started = true;
    }

    private void readThreads(String name, long pid) {
        Map<Long, Seen> seen = threads.computeIfAbsent(name, k -> new HashMap<>());
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                long tid = Long.parseLong(task.getFileName().toString());
                long now = ticksOf(task);
                if (now < 0) {
                    return; // ended while being read
                }
                // A thread born after the baseline counts from zero.
                seen.computeIfAbsent(tid, t -> new Seen(group(task), started ? 0 : now, now)).last = now;
            });
        } catch (IOException | RuntimeException e) {
            // the component is restarting: its threads are read again next second
        }
    }

    /** Component (by name) to thread group to CPU seconds since the baseline, largest first. */
    Map<String, Map<String, Double>> seconds() {
        Map<String, Map<String, Double>> result = new TreeMap<>();
        threads.forEach((component, seen) -> {
            Map<String, Long> byGroup = new HashMap<>();
            seen.values().forEach(t -> byGroup.merge(t.group, t.last - t.first, Long::sum));
            Map<String, Double> sorted = new LinkedHashMap<>();
            byGroup.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue() / (double) Probe.TICKS_PER_SECOND));
            result.put(component, sorted);
        });
        return result;
    }

    private static long ticksOf(Path task) {
        String[] fields = Probe.statFields(task.resolve("stat"));
        return fields == null ? -1 : Probe.ticks(fields);
    }

    private static String group(Path task) {
        try {
            return NUMBERED.matcher(Files.readString(task.resolve("comm")).strip()).replaceAll("");
        } catch (IOException e) {
            return "?";
        }
    }
}
