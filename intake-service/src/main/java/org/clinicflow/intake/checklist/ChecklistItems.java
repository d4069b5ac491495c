package org.clinicflow.intake.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The document checklist of a case as document-service announced it: each required item and
 * whether it was verified, waived or rejected, and by whom. Written in the inbox transaction of
 * the event that said so (a redelivery changes nothing); read by the filing packet, which lists
 * what was verified. Tested by {@code FilingApiTest} and {@code CaseProgressTest}.
 */
@ApplicationScoped
public class ChecklistItems {

    /** One item of the checklist and what became of it ({@code required}, {@code verified}, {@code waived}, {@code rejected}). */
    public record Item(String documentType, String status, String checkedBy, Instant checkedAt) {
    }

    private final EntityManager em;

    ChecklistItems(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(UUID applicantId, List<String> requiredItems) {
        if (requiredItems.isEmpty()) {
            return;
        }
        // One statement for the list.
        withoutAutoFlush(em.createNativeQuery("INSERT INTO checklist_item (applicant_id, document_type, status)"
                + " SELECT ?1, t, 'required' FROM unnest(cast(?2 AS text[])) AS t ON CONFLICT DO NOTHING")
                .setParameter(1, applicantId).setParameter(2, requiredItems.toArray(String[]::new)));
    }

    /** One item checked: {@code documentType} became {@code status}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checked(UUID applicantId, String documentType, String status, String checkedBy, Instant checkedAt) {
        checked(applicantId, List.of(documentType), List.of(status), checkedBy, checkedAt);
    }

    /** Several items checked in one save, in one statement: {@code documentTypes[i]} became {@code statuses[i]} (a type named twice counts once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checked(UUID applicantId, List<String> documentTypes, List<String> statuses, String checkedBy, Instant checkedAt) {
        if (documentTypes.isEmpty()) {
            return;
        }
        withoutAutoFlush(em.createNativeQuery("INSERT INTO checklist_item (applicant_id, document_type, status, checked_by, checked_at)"
                + " SELECT DISTINCT ON (c.type) ?1, c.type, c.status, ?4, ?5 FROM unnest(cast(?2 AS text[]), cast(?3 AS text[])) AS c(type, status)"
                + " ON CONFLICT (applicant_id, document_type) DO UPDATE SET status = excluded.status,"
                + " checked_by = excluded.checked_by, checked_at = excluded.checked_at")
                .setParameter(1, applicantId).setParameter(2, documentTypes.toArray(String[]::new))
                .setParameter(3, statuses.toArray(String[]::new)).setParameter(4, checkedBy)
                .setParameter(5, checkedAt == null ? null : Timestamp.from(checkedAt)));
    }

    @SuppressWarnings("unchecked")
    public List<Item> of(UUID applicantId) {
        List<Object[]> rows = ownTable(em.createNativeQuery("SELECT document_type, status, checked_by, checked_at"
                + " FROM checklist_item WHERE applicant_id = ?1 ORDER BY document_type")).setParameter(1, applicantId).getResultList();
        return rows.stream().map(r -> new Item((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    /**
     * Runs a statement that writes checklist_item alone without Hibernate's flush before it. No
     * entity maps that table, so nothing the session holds can concern it (the applicant it names
     * is already stored: its events come after its registration). Before a native statement
     * Hibernate 7 dirty-checks every entity of the session, twice, to learn whether any pending
     * change touches the statement's tables, even when told which tables those are; a consumer's
     * session holds a poll of up to 200 events, and in a surge's profile those checks were a tenth
     * of intake's CPU. The query's own flush mode is not consulted for a native update, so the
     * session's is lowered for the statement and restored after.
     */
    private void withoutAutoFlush(jakarta.persistence.Query statement) {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        org.hibernate.FlushMode before = session.getHibernateFlushMode();
        session.setHibernateFlushMode(org.hibernate.FlushMode.COMMIT);
        try {
            statement.executeUpdate();
        } finally {
            session.setHibernateFlushMode(before);
        }
    }

    /** Declares that a statement touches checklist_item alone, so it flushes nothing else first. */
    private static jakarta.persistence.Query ownTable(jakarta.persistence.Query query) {
        return query.unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("checklist_item");
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
