package org.clinicflow.system.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.system.LocalStack;

/**
 * What the floor cost in CPU, so the pipeline's CPU per applicant can be set beside it: the
 * components it shares with the pipeline (Kafka, PostgreSQL, Keycloak, each its whole process
 * tree, PostgreSQL's without the sessions of the bench's own queries) and its own part of the
 * bench's JVM, where its REST side, consumers and relays run. That part is the JVM's CPU less
 * its driver's threads (registration desks, caseworkers, their HTTP clients, the probe and its
 * admin client), each read from {@link ThreadMXBean}; the JVM's collector and compiler threads
 * work for driver and floor alike and count as the floor's, so the figure is an upper bound
 * ({@link #upkeep} says how much of it they were). Read before and after the floor's measured
 * applicants by {@link Floor}; {@code PipelineProvenTest} checks each part is measured and
 * reported.
 */
final class FloorCpu {

    /** The stack's components the floor runs on. */
    static final List<String> COMPONENTS = List.of("kafka", "postgres", "keycloak");
    /** The bench JVM's share, as named in the report. */
    static final String OWN = "floor's JVM (bench process, driver threads excluded)";
    /** Thread names of the driver's work in the bench's JVM, which the surge's figure does not count either. */
    private static final List<String> DRIVER_THREADS = List.of(Floor.DESK_THREADS, Floor.CASEWORKER_THREADS, Floor.HTTP_THREADS,
            "HttpClient-", "probe", "kafka-admin-client-thread");

    /** One reading: each component's CPU seconds so far, the bench JVM's, and its driver threads'. */
    record Reading(Map<String, Double> components, double process, double driver) {
    }

    private FloorCpu() {
    }

    /** A reading that leaves out the processes {@code notCounted} (the bench's own database sessions). */
    static Reading read(LocalStack stack, java.util.Set<Long> notCounted) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        return new Reading(Probe.cpuSecondsSoFar(stack, notCounted), os.getProcessCpuTime() / 1e9, driverThreadSeconds());
    }

    /** CPU seconds spent between two readings: each shared component, and the floor's own part of the bench JVM. */
    static Map<String, Double> spent(Reading before, Reading after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            Double end = after.components().get(component);
            Double start = before.components().get(component);
            if (end != null && start != null) {
                seconds.put(component, Math.max(0, end - start));
            }
        }
        seconds.put(OWN, Math.max(0, (after.process() - before.process()) - (after.driver() - before.driver())));
        return seconds;
    }

    /**
     * The part of the floor's JVM figure that is the JVM's own upkeep, from its threads' CPU by
     * group ({@link ThreadCpu}): {@code compiler} (the JIT's threads: this JVM runs the JDK's default
     * compilers, C2 included, where the services run the client compiler only) and {@code collector}
     * (the collector's threads and the VM thread, whose work the driver's allocation also causes).
     */
    static Map<String, Double> upkeep(Map<String, Double> groups) {
        Map<String, Double> upkeep = new LinkedHashMap<>();
        upkeep.put("compiler", groups.entrySet().stream().filter(e -> e.getKey().matches("C\\d CompilerThre.*"))
                .mapToDouble(Map.Entry::getValue).sum());
        upkeep.put("collector", groups.entrySet().stream()
                .filter(e -> e.getKey().startsWith("GC Thread") || e.getKey().startsWith("G1 ") || e.getKey().equals("VM Thread"))
                .mapToDouble(Map.Entry::getValue).sum());
        return upkeep;
    }

    /** The CPU seconds the driver's live threads have used (they live through the floor's measured part). */
    private static double driverThreadSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && DRIVER_THREADS.stream().anyMatch(info.getThreadName()::startsWith)) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }
}
