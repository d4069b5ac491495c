package org.clinicflow.tracking.poll;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The open cases due for a check, claimed for a while so that another replica's poller skips
 * them ({@code FOR UPDATE SKIP LOCKED}, then the due time moved past the claim); a claim a
 * crashed poller never answered simply runs out. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class DueCases {

    /** How long a claimed case is left to the poller that claimed it. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    /** A case to ask about. */
    public record Due(UUID applicantId, String receiptNumber) {
    }

    private final EntityManager em;

    DueCases(EntityManager em) {
        this.em = em;
    }

    /** At most {@code limit} due cases, the longest-waiting first, claimed until {@code now + CLAIM}. */
    @SuppressWarnings("unchecked")
    public List<Due> claim(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("UPDATE tracked_case SET next_check_at = :claim WHERE applicant_id IN ("
                    + "SELECT applicant_id FROM tracked_case WHERE NOT closed AND next_check_at <= :now "
                    + "ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING applicant_id, receipt_number")
                    .setParameter("claim", Timestamp.from(now.plus(CLAIM)))
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("limit", limit)
                    .getResultList();
            return rows.stream().map(r -> new Due((UUID) r[0], (String) r[1])).toList();
        });
    }

    /** The open cases' weights added up: W in {@link PollSchedule}. */
    public double totalWeight() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COALESCE(SUM(weight), 0) FROM tracked_case WHERE NOT closed").getSingleResult()).doubleValue());
    }
}
