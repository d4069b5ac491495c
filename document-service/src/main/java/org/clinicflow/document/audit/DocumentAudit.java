package org.clinicflow.document.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The document service's append-only audit log: every check, scan upload and scan view, by
 * whom and when (a trigger refuses updates and deletes). Entries join the caller's transaction;
 * their ids come 50 at a time from a sequence, so a save's entries go in one JDBC batch. Tested by
 * {@code ChecklistTest} and {@code ScanResourceTest}.
 */
@Entity
@Table(name = "document_audit")
public class DocumentAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_audit_ids")
    @SequenceGenerator(name = "document_audit_ids", sequenceName = "document_audit_ids", allocationSize = 50)
    public Long id;
    public UUID applicantId;
    public String actor;
    public String action;
    public String documentType;
    /** Codes only (status, reason code, scan id), never a note or a document's content. */
    public String detail;
    public Instant at;

    /** Writes entries; a bean so callers can be tested without a database. */
    @ApplicationScoped
    public static class Log {

        @Transactional(Transactional.TxType.REQUIRED)
        public void record(UUID applicantId, String actor, String action, String documentType, String detail) {
            DocumentAudit entry = new DocumentAudit();
            entry.applicantId = applicantId;
            entry.actor = actor;
            entry.action = action;
            entry.documentType = documentType;
            entry.detail = detail;
            entry.at = Instant.now();
            entry.persist();
        }
    }
}
