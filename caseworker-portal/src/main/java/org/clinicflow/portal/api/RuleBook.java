package org.clinicflow.portal.api;

import java.time.LocalDate;
import java.util.List;

/** intake's rule book as supervisors read it: its version and every row (fees, clocks, programmes, designations). */
public record RuleBook(String version, List<Row> rules) {

    /** One row: what kind, for which categories, in force when, the fee amounts for fee rows, and its source. */
    public record Row(String id, String kind, List<String> categories, LocalDate effectiveFrom, LocalDate effectiveTo, Integer paperUsd,
            Integer onlineUsd, Boolean waivable, String description, String source) {

        /** A row a supervisor can act on across cases (hold or lift). */
        public boolean actionable() {
            return "parole-termination".equals(kind) || "tps-designation".equals(kind);
        }
    }
}
