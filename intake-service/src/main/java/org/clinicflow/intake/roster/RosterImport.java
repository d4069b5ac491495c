package org.clinicflow.intake.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded roster file and how far its import has come; the file's hash makes re-uploads idempotent. */
@Entity
@Table(name = "roster_import")
public class RosterImport extends PanacheEntityBase {

    @Id
    public UUID id;
    public String contentHash;
    public String uploadedBy;
    public Instant uploadedAt;
    /** queued, running, done. */
    public String status;
    public int totalRows;
    public int processed;
    public int registered;
    public int duplicates;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String errors;
    public byte[] content;
    /** The uploader's site when a caseworker uploaded it; rows of other sites are refused. */
    public String restrictedToSite;
    public Instant finishedAt;
}
