package org.clinicflow.intake.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.audit.retention.NamedDataClass;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closed cases (filed or withdrawn) untouched for {@code clinic.retention.closed-cases} (default
 * two years: long enough for the card to arrive and a renewal to be prepared) lose their personal
 * fields: names, phone, A-number, receipt number, the I-765 answers and document numbers; the
 * date of birth becomes the first of January of its year. What counts stays: site, category,
 * stage, dates, language, the birth year, the audit trail (ids only). Tested by {@code RetentionTest}.
 */
@ApplicationScoped
public class ClosedCases extends NamedDataClass {

    private static final String DUE = "FROM applicant WHERE stage IN ('filed', 'withdrawn') AND purged_at IS NULL AND updated_at < ?1";

    private final EntityManager em;

    ClosedCases(EntityManager em, @ConfigProperty(name = "clinic.retention.closed-cases", defaultValue = "P730D") Duration period) {
        super("closed-cases", "Filed or withdrawn cases: names, phone, A-number, receipt number, I-765 answers and document numbers purged;"
                + " birth date kept as its year; site, category, stage and dates kept", period);
        this.em = em;
    }

    @Override
    public long due(Instant cutoff) {
        return ((Number) em.createNativeQuery("SELECT count(*) " + DUE).setParameter(1, Timestamp.from(cutoff)).getSingleResult())
                .longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public int purge(Instant cutoff, int limit) {
        List<UUID> ids = em.createNativeQuery("SELECT id " + DUE + " ORDER BY updated_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("DELETE FROM i765_form WHERE applicant_id IN (?1)").setParameter(1, ids).executeUpdate();
        em.createNativeQuery("DELETE FROM mailing_address WHERE applicant_id IN (?1)").setParameter(1, ids).executeUpdate();
        // The version is not bumped: nobody edits a closed case, and the purge is not a correction.
        em.createNativeQuery("UPDATE applicant SET given_name = '', family_name = '', given_key = '', family_key = '',"
                + " phone_e164 = NULL, a_number_cipher = NULL, a_number_fingerprint = NULL, a_number_last4 = NULL,"
                + " a_number_key_version = NULL, receipt_number = NULL, hold_reason = NULL, override_reason = NULL,"
                + " date_of_birth = date_trunc('year', date_of_birth)::date, purged_at = now() WHERE id IN (?1)")
                .setParameter(1, ids).executeUpdate();
        return ids.size();
    }
}
