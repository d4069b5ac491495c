package org.clinicflow.intake.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The consent ledger: appends a grant or a withdrawal in the caller's transaction and answers
 * which consent is in force (the newest entry of its kind). The table refuses edits, so the
 * history a supervisor reads is the history that happened. Tested by {@code FilingApiTest}.
 */
@ApplicationScoped
public class ConsentLedger {

    @Transactional(Transactional.TxType.MANDATORY)
    public Consent record(UUID applicantId, ConsentKind kind, boolean granted, String actor) {
        return record(applicantId, kind, granted, actor, "in-person");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Consent record(UUID applicantId, ConsentKind kind, boolean granted, String actor, String method) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.applicantId = applicantId;
        consent.kind = kind.code();
        consent.granted = granted;
        consent.method = method;
        consent.recordedBy = actor;
        consent.recordedAt = Instant.now();
        consent.persist();
        return consent;
    }

    /** The consent in force: the newest entry of the kind, if any was ever recorded. */
    public Optional<Consent> current(UUID applicantId, ConsentKind kind) {
        return Consent.<Consent>find("applicantId = ?1 and kind = ?2 order by recordedAt desc, id", applicantId, kind.code())
                .firstResultOptional();
    }

    public boolean granted(UUID applicantId, ConsentKind kind) {
        return current(applicantId, kind).map(c -> c.granted).orElse(false);
    }

    public List<Consent> history(UUID applicantId) {
        return Consent.list("applicantId = ?1 order by recordedAt, id", applicantId);
    }
}
