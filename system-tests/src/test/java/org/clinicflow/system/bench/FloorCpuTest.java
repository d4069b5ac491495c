package org.clinicflow.system.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The floor's JVM upkeep is told from its work by thread group, with the names HotSpot gives its
 * threads as Linux shows them (15 characters, the number dropped by {@link ThreadCpu}): the
 * report's "compiler" and "collector" shares must take those and nothing of the floor's own.
 */
class FloorCpuTest {

    @Test
    void compilerAndCollectorAreTheJvmsOwnThreadsOnly() {
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("C2 CompilerThre", 3.0);
        groups.put("C1 CompilerThre", 1.0);
        groups.put("GC Thread", 0.5);
        groups.put("G1 Conc", 0.25);
        groups.put("G1 Refine", 0.125);
        groups.put("VM Thread", 0.0625);
        groups.put("VM Periodic Tas", 7.0); // the JVM's sampler: neither
        groups.put("pool-5-thread", 11.0); // the floor's HTTP workers
        groups.put("floor-intake-re", 13.0); // a floor relay

        Map<String, Double> upkeep = FloorCpu.upkeep(groups);

        assertEquals(4.0, upkeep.get("compiler"));
        assertEquals(0.9375, upkeep.get("collector"));
        assertEquals(2, upkeep.size());
    }

    @Test
    void aJvmWithoutThoseThreadsHasNoUpkeep() {
        assertEquals(Map.of("compiler", 0.0, "collector", 0.0), FloorCpu.upkeep(Map.of("executor-thread", 2.0)));
    }
}
