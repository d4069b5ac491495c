package org.clinicflow.scheduling.site;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Takes and gives back seats. Taking is one conditional UPDATE, so the database decides who
 * gets the last seat: concurrent takers queue on the row's lock and the condition is checked
 * again after it, so exactly one succeeds; the table's CHECK forbids overbooking whatever a
 * caller does. Also finds free slots for a language, earliest first. Tested by
 * {@code BookingConcurrencyTest} with hundreds of concurrent requests on the real database.
 */
@ApplicationScoped
public class Seats {

    /** A free slot: when it starts, and how many seats are left. */
    public record FreeSlot(UUID slotId, Instant startsAt, int free) {
    }

    /** True when a seat was taken; false when the slot was already full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID slotId) {
        return Panache.getEntityManager()
                .createNativeQuery("UPDATE slot SET booked = booked + 1 WHERE id = ?1 AND booked < capacity")
                .setParameter(1, slotId).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(UUID slotId) {
        Panache.getEntityManager().createNativeQuery("UPDATE slot SET booked = booked - 1 WHERE id = ?1 AND booked > 0")
                .setParameter(1, slotId).executeUpdate();
    }

    /** Free slots at a site from {@code from}, in open sessions that cover {@code language} (any when null). */
    @Transactional(Transactional.TxType.REQUIRED)
    @SuppressWarnings("unchecked")
    public List<FreeSlot> free(String siteId, String language, Instant from, Instant to, int limit) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT s.id, s.starts_at, s.capacity - s.booked
                FROM slot s JOIN clinic_session cs ON cs.id = s.session_id
                WHERE s.site_id = ?1 AND s.starts_at >= ?2 AND s.starts_at < ?3 AND s.booked < s.capacity AND NOT cs.closed
                  AND (CAST(?4 AS text) IS NULL OR position(',' || CAST(?4 AS text) || ',' in ',' || cs.languages || ',') > 0)
                ORDER BY s.starts_at, s.id
                LIMIT ?5""")
                .setParameter(1, siteId).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .setParameter(4, language).setParameter(5, limit).getResultList();
        return rows.stream().map(r -> new FreeSlot((UUID) r[0], toInstant(r[1]), ((Number) r[2]).intValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
