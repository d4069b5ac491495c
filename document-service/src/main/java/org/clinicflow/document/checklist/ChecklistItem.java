package org.clinicflow.document.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One document of a checklist and its last check: status, reason code, free note, who and when. */
@Entity
@Table(name = "checklist_item")
@IdClass(ChecklistItem.Key.class)
public class ChecklistItem extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    @Id
    public String type;
    public boolean required;
    public boolean mayBeNotApplicable;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;
    public String reason;
    public String note;
    public String checkedBy;
    public Instant checkedAt;

    /** The composite key: one item type per applicant. */
    public static class Key implements Serializable {
        public UUID applicantId;
        public String type;

        public Key() {
        }

        public Key(UUID applicantId, String type) {
            this.applicantId = applicantId;
            this.type = type;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.applicantId, applicantId) && java.util.Objects.equals(k.type, type);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(applicantId, type);
        }
    }
}
