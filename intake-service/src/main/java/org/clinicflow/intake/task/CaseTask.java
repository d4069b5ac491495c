package org.clinicflow.intake.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One task on a case: its kind, a detail (codes and dates, USCIS's wording), when it is due and when it was done. */
@Entity
@Table(name = "case_task")
public class CaseTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "applicant_id")
    public UUID applicantId;

    public String kind;

    public String detail;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "done_on")
    public LocalDate doneOn;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_at")
    public Instant doneAt;
}
