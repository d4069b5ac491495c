package org.clinicflow.intake.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event in a case's history, from any of the four services, with who or what caused it. Ids
 * come 50 at a time from a sequence, so a poll's entries are inserted in one JDBC batch. Tested
 * by {@code CaseProgressTest} and {@code ApplicantResourceTest}.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_ids")
    @SequenceGenerator(name = "timeline_entry_ids", sequenceName = "timeline_entry_ids", allocationSize = 50)
    public Long id;
    public UUID applicantId;
    public UUID eventId;
    public String eventType;
    public String source;
    public String actor;
    public Instant occurredAt;
    public String summary;
}
