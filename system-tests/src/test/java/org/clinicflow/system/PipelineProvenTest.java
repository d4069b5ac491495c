package org.clinicflow.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinicflow.system.bench.ReadLoad;
import org.clinicflow.system.bench.Report;
import org.clinicflow.system.bench.SurgeBench;
import org.clinicflow.system.chaos.ChaosRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./clinic chaos} and {@code ./clinic bench} at a small N, on a fresh stack of their own:
 * through SIGKILLed services, a broker restart, a database restart, a second instance killed and
 * a full replay, every applicant is booked and texted exactly once; the benchmark writes its
 * report with nothing lost. Figures are printed by the benchmark, never asserted as timings.
 */
class PipelineProvenTest {

    private static final LocalStack STACK = SurgeBench.benchStack(Path.of(System.getProperty("clinic.root", "..")),
            "system-tests/target/clinic-chaos", 14000);

    @BeforeAll
    static void freshStack() throws Exception {
        STACK.require("reset");
        STACK.require("up", "-d");
    }

    @AfterAll
    static void down() throws Exception {
        assertEquals(0, STACK.clinic("down"));
    }

    @Test
    void nothingLostNothingTwiceThroughCrashesRestartsAndAReplay() throws Exception {
        ChaosRun.Verdict verdict = new ChaosRun(STACK).run(30);
        assertTrue(verdict.passed(), () -> String.join("\n", verdict.failures()) + "\n--- what the run did:\n"
                + String.join("\n", verdict.log()));
        assertTrue(verdict.log().stream().anyMatch(l -> l.startsWith("kill -9 notification-service-2")),
                "the second instance was part of the run");
    }

    @Test
    void theBenchmarkReportsItsFiguresWithNothingLost(@TempDir Path results) throws Exception {
        SurgeBench.Outcome outcome = new SurgeBench(STACK).run(new SurgeBench.Options(30, 0, 6, 300, 5, results, 20, 2, 60));
        Path report = Report.write(outcome, results);

        assertEquals(0, outcome.figures().lost(), "every applicant got the booking SMS");
        assertEquals(0, outcome.figures().duplicated(), "nobody got it twice");
        assertEquals(30, outcome.figures().latencies().get("end-to-end").count());
        JsonNode json = new ObjectMapper().readTree(report.resolve("result.json").toFile());
        assertTrue(json.path("throughputPerSecond").asDouble() > 0);
        assertTrue(json.path("floor").path("perSecond").asDouble() > 0, "the floor was measured in the same run");
        JsonNode floorCpu = json.path("floor").path("cpuSeconds");
        assertTrue(floorCpu.path("postgres").asDouble() > 0 && floorCpu.path("kafka").asDouble() > 0, floorCpu.toString());
        assertTrue(floorCpu.path("floor's JVM (bench process, driver threads excluded)").asDouble() > 0,
                "the floor's own consumers, relays and REST side used CPU: " + floorCpu);
        JsonNode upkeep = json.path("floor").path("jvmUpkeepSeconds");
        assertTrue(upkeep.has("compiler") && upkeep.has("collector"), "the floor's JVM upkeep is read by thread: " + upkeep);
        assertTrue(json.path("samples").size() > 0, "the series over time was sampled");
        assertTrue(json.path("cpuSeconds").has("intake-service") && json.path("peakRssMb").has("postgres"));
        JsonNode intakeThreads = json.path("threadCpuSeconds").path("intake-service");
        double byThreads = 0;
        for (JsonNode seconds : intakeThreads) {
            byThreads += seconds.asDouble();
        }
        double intakeCpu = json.path("cpuSeconds").path("intake-service").asDouble();
        assertTrue(byThreads > 0 && byThreads <= intakeCpu + 0.2,
                "intake's threads used CPU, at most what its process used (" + intakeCpu + " s): " + intakeThreads);
        String markdown = Files.readString(report.resolve("report.md"));
        assertTrue(markdown.contains("| intake-service | " + intakeThreads.fieldNames().next() + " | "),
                "the report names intake's busiest thread group: " + markdown);
        assertTrue(markdown.contains("pipeline / floor") && markdown.contains("| end-to-end |"), markdown);
        assertTrue(markdown.contains("| floor's CPU per applicant"), markdown);
        // The bench's own database sessions are read (their pids) and reported apart from postgres's figure.
        assertTrue(json.has("benchQueriesCpuSeconds") && markdown.contains("answering the bench's own queries"), markdown);
        assertTrue(Files.size(report.resolve("timeline.png")) > 1000, "the plot was drawn");
        assertEquals(List.of("case read", "name search"), outcome.reads().stream().map(ReadLoad.Result::what).toList());
        assertTrue(outcome.reads().stream().allMatch(r -> r.requests() == 40 && r.failed() == 0), outcome.reads().toString());
        assertTrue(markdown.contains("| case read | 20 |"), markdown);
    }
}
