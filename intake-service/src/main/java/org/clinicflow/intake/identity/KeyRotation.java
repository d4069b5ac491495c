package org.clinicflow.intake.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.eligibility.Batches;
import org.clinicflow.intake.filing.FormRecord;
import org.clinicflow.intake.filing.FormService;
import org.clinicflow.web.crypto.KeyRing;
import org.clinicflow.web.problem.ProblemException;

/**
 * Rotates the identity key with no downtime: once a new version is configured and made current,
 * new values are sealed under it at once, and this job re-seals what older versions (or no
 * version) hold, a page of cases per transaction, each row only if nobody changed it meanwhile;
 * a value that does not open is counted as unreadable and left for a supervisor to re-enter.
 * The status (how many values each version holds) is the dry run: a version may be retired when
 * it holds none. Audited. Tested by {@code KeyRotationTest}.
 */
@ApplicationScoped
public class KeyRotation {

    static final int PAGE = 200;

    /** How many A-numbers and forms each key version holds ("none" for values sealed before versions). */
    public record Status(int currentVersion, Map<String, Long> aNumbers, Map<String, Long> forms, long resealed, long unreadable) {
    }

    private final KeyRing keys;
    private final ANumberProtector aNumbers;
    private final FormService forms;
    private final EntityManager em;
    private final AuditLog audit;

    KeyRotation(KeyRing keys, ANumberProtector aNumbers, FormService forms, EntityManager em, AuditLog audit) {
        this.keys = keys;
        this.aNumbers = aNumbers;
        this.forms = forms;
        this.em = em;
        this.audit = audit;
    }

    public Status status() {
        return QuarkusTransaction.requiringNew().call(() -> new Status(keys.currentVersion(),
                count("SELECT a_number_key_version, count(*) FROM applicant WHERE a_number_cipher IS NOT NULL GROUP BY 1"),
                count("SELECT key_version, count(*) FROM i765_form GROUP BY 1"), 0, 0));
    }

    /** Re-seals every value not under the current version; returns the status after, with how many were re-sealed. */
    public Status rotate(String actor) {
        int current = keys.currentVersion();
        Progress progress = new Progress();
        UUID after = Batches.BEFORE_ANY_ID;
        while ((after = QuarkusTransaction.requiringNew().call(aNumbersAfter(current, progress, after))) != null) {
            // next page of cases
        }
        after = Batches.BEFORE_ANY_ID;
        while ((after = QuarkusTransaction.requiringNew().call(formsAfter(current, progress, after))) != null) {
            // next page of forms
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(null, actor, "rotate-identity-keys",
                "resealed " + progress.resealed + " under version " + current + ", unreadable " + progress.unreadable));
        Status status = status();
        return new Status(status.currentVersion(), status.aNumbers(), status.forms(), progress.resealed, progress.unreadable);
    }

    /** Counts across the pages. */
    private static final class Progress {
        long resealed;
        long unreadable;
    }

    /** One page of A-numbers after {@code after}: the last id seen, or null when there were none. */
    @SuppressWarnings("unchecked")
    private java.util.concurrent.Callable<UUID> aNumbersAfter(int current, Progress progress, UUID after) {
        return () -> {
            List<Object[]> rows = em.createNativeQuery("SELECT id, a_number_cipher, a_number_key_version FROM applicant"
                    + " WHERE a_number_cipher IS NOT NULL AND a_number_key_version IS DISTINCT FROM ?1 AND id > ?2"
                    + " ORDER BY id LIMIT ?3").setParameter(1, current).setParameter(2, after).setParameter(3, PAGE).getResultList();
            UUID last = null;
            for (Object[] row : rows) {
                last = (UUID) row[0];
                Integer version = row[2] == null ? null : ((Number) row[2]).intValue();
                KeyRing.Sealed sealed;
                try {
                    sealed = aNumbers.encrypt(aNumbers.decrypt((byte[]) row[1], version, last), last);
                } catch (ProblemException unreadable) {
                    progress.unreadable++; // left as it is: a supervisor re-enters it
                    continue;
                }
                // Compare-and-set on the old version: a correction that re-sealed the row meanwhile wins.
                progress.resealed += em.createNativeQuery("UPDATE applicant SET a_number_cipher = ?1, a_number_key_version = ?2"
                        + " WHERE id = ?3 AND a_number_key_version IS NOT DISTINCT FROM ?4")
                        .setParameter(1, sealed.cipher()).setParameter(2, sealed.version()).setParameter(3, last)
                        .setParameter(4, version).executeUpdate();
            }
            return last;
        };
    }

    /** One page of forms after {@code after}: the last case id seen, or null when there were none. */
    private java.util.concurrent.Callable<UUID> formsAfter(int current, Progress progress, UUID after) {
        return () -> {
            List<FormRecord> rows = FormRecord.<FormRecord>find("(keyVersion is null or keyVersion <> ?1) and applicantId > ?2"
                    + " order by applicantId", current, after).page(0, PAGE).list();
            UUID last = null;
            for (FormRecord form : rows) {
                last = form.applicantId;
                try {
                    forms.reseal(form); // the entity's @Version makes a concurrent save win
                    progress.resealed++;
                } catch (ProblemException unreadable) {
                    progress.unreadable++;
                }
            }
            return last;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> count(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            counts.put(row[0] == null ? "none" : String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
