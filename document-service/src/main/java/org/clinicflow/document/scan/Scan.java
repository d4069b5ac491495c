package org.clinicflow.document.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the database knows of a scan: whose, which document, where it is stored, its kind and size. */
@Entity
@Table(name = "scan")
public class Scan extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantId;
    public String documentType;
    public String storageKey;
    public String mediaType;
    public int sizeBytes;
    public int pages;
    public String sha256;
    public String uploadedBy;
    public Instant uploadedAt;
}
