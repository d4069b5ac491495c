package org.clinicflow.intake.certification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One certification as given (I-765 Part 3, 4 or 5): who, in which language, which text, when. Never edited. */
@Entity
@Table(name = "certification")
public class Certification extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantId;
    public String kind;
    public String textVersion;
    public String language;
    public boolean viaInterpreter;
    public String personName;
    public String organization;
    public String phone;
    public String email;
    public String guardianName;
    public String guardianRelationship;
    public String recordedBy;
    public Instant recordedAt;

    public CertificationKind kindOf() {
        return CertificationKind.fromCode(kind).orElseThrow();
    }
}
