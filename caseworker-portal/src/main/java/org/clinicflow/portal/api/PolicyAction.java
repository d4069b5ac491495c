package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hold or lift over every case a rule affects, and its progress (intake's policy actions). */
public record PolicyAction(UUID id, String ruleId, String action, String reason, String status, int total, int processed, int changed,
        String requestedBy, Instant requestedAt, Instant finishedAt) {

    public boolean running() {
        return "queued".equals(status) || "running".equals(status);
    }

    /** The open cases a rule affects (the first of them listed). */
    public record Affected(String ruleId, long count, List<AffectedCase> cases) {
    }

    /** One affected case: where, which category, its stage and any hold. */
    public record AffectedCase(UUID id, String siteId, String category, String stage, String holdReason) {
    }

    /** Start a hold or a lift, and why. */
    public record Request(String action, String reason) {
    }
}
