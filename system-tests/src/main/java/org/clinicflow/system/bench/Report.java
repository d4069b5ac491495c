package org.clinicflow.system.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a benchmark run to {@code results/bench-<time>/}: {@code result.json} (every figure and
 * the per-second series), {@code report.md} (the short human report) and {@code timeline.png}
 * (throughput and backlog over time). The Markdown names the machine, because figures mean
 * nothing without it.
 */
public final class Report {

    private Report() {
    }

    public static Path write(SurgeBench.Outcome outcome, Path results) throws IOException {
        Path directory = results.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine());
        json.put("options", Map.of("applicants", outcome.options().applicants(), "rate", outcome.options().rate(), "concurrency",
                outcome.options().concurrency(), "floorRecords", outcome.options().floorRecords(), "warmup", outcome.options().warmup(),
                "smsRatePerSecond", SurgeBench.SMS_RATE));
        json.put("floor", outcome.floor());
        json.put("throughputPerSecond", throughput(outcome));
        json.put("ratioToFloor", ratio(outcome));
        json.put("seconds", outcome.figures().seconds());
        json.put("latencyMs", outcome.figures().latencies());
        json.put("stages", Figures.STAGES);
        json.put("lostSms", outcome.figures().lost());
        json.put("duplicatedSms", Math.max(outcome.figures().duplicated(), outcome.duplicateSmsPairs()));
        json.put("outboxRowsAfter", outcome.outboxAfter());
        json.put("cpuSeconds", outcome.cpuSeconds());
        json.put("cpuMsPerApplicant", cpuPerApplicant(outcome));
        json.put("benchQueriesCpuSeconds", outcome.benchQueriesCpuSeconds());
        json.put("threadCpuSeconds", outcome.threadCpuSeconds());
        json.put("peakRssMb", outcome.peakRssMb());
        json.put("reads", outcome.reads());
        json.put("samples", outcome.samples());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("result.json").toFile(), json);
        Plot.write(outcome.samples(), directory.resolve("timeline.png"));
        Files.writeString(directory.resolve("report.md"), markdown(outcome) + "\n![throughput and backlog](timeline.png)\n");
        return directory;
    }

    public static String markdown(SurgeBench.Outcome outcome) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = machine();
        SurgeBench.Options o = outcome.options();
        md.append("# Surge benchmark\n\n");
        String javaNamed = machine.get("java") + (machine.containsKey("servicesJava")
                ? " (the bench's; the services and the portal ran on Java " + machine.get("servicesJava") + ")" : "");
        md.append(String.format("Machine: %s, %s cores, %s; %s; Java %s. Run %s.%n%n", machine.get("cpu"), machine.get("cores"),
                machine.get("memory"), machine.get("os"), javaNamed, machine.get("date")));
        md.append(String.format("%,d applicants (%s, %d workers), after %,d warm-up applicants; SMS gateway limit %,d/s.%n%n",
                o.applicants(), o.rate() > 0 ? o.rate() + "/s offered" : "closed loop", o.concurrency(), o.warmup(),
                SurgeBench.SMS_RATE));
        md.append("| figure | value |\n|---|---|\n");
        md.append(String.format("| applicants per second, registration to booking SMS accepted | %.0f |%n", throughput(outcome)));
        if (outcome.floor() != null) {
            FloorShape shape = outcome.floor().shape();
            md.append(String.format("| floor: the same shape (%d REST calls with token checks, %.1f events and %.1f deliveries per"
                    + " applicant), no business logic, same stack | %.0f per second, p50 %.1f ms, p99 %.1f ms |%n",
                    FloorShape.REST_CALLS, shape.eventsPerApplicant(), shape.deliveriesPerApplicant(), outcome.floor().perSecond(),
                    outcome.floor().p50Micros() / 1000.0, outcome.floor().p99Micros() / 1000.0));
            md.append(String.format("| pipeline / floor | %.2f |%n", ratio(outcome)));
        }
        double cpu = cpuPerApplicant(outcome).values().stream().mapToDouble(Double::doubleValue).sum();
        md.append(String.format("| CPU per applicant, all components | %.1f ms |%n", cpu));
        if (outcome.floor() != null) {
            Floor.Result floor = outcome.floor();
            StringBuilder parts = new StringBuilder();
            floor.cpuSeconds().forEach((name, seconds) -> parts.append(parts.length() == 0 ? "" : ", ")
                    .append(String.format("%s %.1f", name, seconds * 1000 / Math.max(1, floor.applicants()))));
            parts.append(" (of it, the JVM's own threads: ").append(floor.jvmUpkeepSeconds().entrySet().stream()
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() * 1000 / Math.max(1, floor.applicants())))
                    .collect(java.util.stream.Collectors.joining(", "))).append(')');
            md.append(String.format("| floor's CPU per applicant (at most: its JVM's collector and compiler count as its own) | %.1f ms: %s |%n",
                    floor.cpuMsPerApplicant(), parts));
            md.append(String.format("| pipeline's CPU per applicant / floor's | %.1f |%n", cpu / Math.max(0.001, floor.cpuMsPerApplicant())));
        }
        md.append(String.format("| wall time | %.1f s |%n", outcome.figures().seconds()));
        md.append(String.format("| lost SMS (applicants with no booking SMS) | %d |%n", outcome.figures().lost()));
        md.append(String.format("| duplicated SMS | %d |%n", Math.max(outcome.figures().duplicated(), outcome.duplicateSmsPairs())));
        md.append(String.format("| rows left in outboxes | %d |%n%n",
                outcome.outboxAfter().values().stream().mapToLong(Long::longValue).sum()));
        md.append("Latency in ms (HdrHistogram):\n\n| stage | what | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        Map<String, String> what = new LinkedHashMap<>();
        what.put("end-to-end", "driver start -> booking SMS accepted by the gateway");
        what.put("pipeline", "the services' part: saved -> checklist, plus last check -> SMS accepted");
        what.putAll(Figures.STAGES);
        outcome.figures().latencies().forEach((stage, p) -> md.append(String.format("| %s | %s | %,d | %.1f | %.1f | %.1f | %.1f |%n",
                stage, what.get(stage), p.count(), p.p50(), p.p95(), p.p99(), p.max())));
        md.append("\nEach component (CPU over the measured run, postgres without the sessions that answer the bench's own queries;"
                + " resident memory at its peak):\n\n"
                + "| component | CPU s | CPU ms per applicant | peak RSS MB |\n|---|---|---|---|\n");
        Map<String, Double> perApplicant = cpuPerApplicant(outcome);
        outcome.cpuSeconds().forEach((name, seconds) -> md.append(String.format("| %s | %.1f | %.2f | %d |%n", name, seconds,
                perApplicant.get(name), outcome.peakRssMb().getOrDefault(name, 0L))));
        md.append(String.format("%nLeft out above: %.1f s of PostgreSQL's CPU (%.2f ms per applicant) answering the bench's own"
                + " queries (its worklist, its SMS count, the probe's outbox rows).%n", outcome.benchQueriesCpuSeconds(),
                outcome.benchQueriesCpuSeconds() * 1000 / Math.max(1, outcome.options().applicants())));
        md.append(threads(outcome));
        if (!outcome.reads().isEmpty()) {
            md.append("\nReads on intake after the surge, offered at a fixed rate after " + ReadLoad.WARM_UP_SECONDS
                    + " s of each uncounted (latency from when each request was due, ms):\n\n"
                    + "| request | per second | over cases | requests | failed | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|---|\n");
            outcome.reads().forEach(r -> md.append(String.format("| %s | %.0f | %,d | %,d | %d | %.1f | %.1f | %.1f | %.1f |%n", r.what(),
                    r.perSecond(), r.cases(), r.requests(), r.failed(), r.p50(), r.p95(), r.p99(), r.max())));
        }
        return md.toString();
    }

    /** Each JVM's largest thread groups over the measured run, per applicant. */
    private static String threads(SurgeBench.Outcome outcome) {
        StringBuilder md = new StringBuilder("\nWhere each JVM's CPU went, by thread (its name without its number; Linux keeps 15"
                + " characters), the five largest groups:\n\n| component | thread group | CPU ms per applicant | share of the"
                + " component |\n|---|---|---|---|\n");
        int n = Math.max(1, outcome.options().applicants());
        outcome.threadCpuSeconds().forEach((component, groups) -> {
            double total = outcome.cpuSeconds().getOrDefault(component, 0.0);
            groups.entrySet().stream().limit(5).forEach(g -> md.append(String.format("| %s | %s | %.2f | %.0f%% |%n", component,
                    g.getKey(), g.getValue() * 1000 / n, total <= 0 ? 0 : 100 * g.getValue() / total)));
        });
        return md.toString();
    }

    private static double throughput(SurgeBench.Outcome outcome) {
        double seconds = outcome.figures().seconds();
        long delivered = outcome.figures().latencies().get("end-to-end").count();
        return seconds <= 0 ? 0 : delivered / seconds;
    }

    private static double ratio(SurgeBench.Outcome outcome) {
        return outcome.floor() == null ? 0 : Math.round(throughput(outcome) / outcome.floor().perSecond() * 100) / 100.0;
    }

    private static Map<String, Double> cpuPerApplicant(SurgeBench.Outcome outcome) {
        Map<String, Double> perApplicant = new LinkedHashMap<>();
        int n = Math.max(1, outcome.options().applicants());
        outcome.cpuSeconds().forEach((name, seconds) -> perApplicant.put(name, Math.round(seconds * 1000 / n * 100) / 100.0));
        return perApplicant;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", "");
        machine.put("memory", memKb.isEmpty() ? "?" : Math.round(Long.parseLong(memKb) / 1024.0 / 1024.0) + " GiB");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version"));
        ServicesJava.otherThanOwn(System.getenv("CLINIC_SERVICE_JAVA"), System.getProperty("java.version"))
                .ifPresent(version -> machine.put("servicesJava", version));
        machine.put("date", LocalDateTime.now().withNano(0).toString());
        return machine;
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
