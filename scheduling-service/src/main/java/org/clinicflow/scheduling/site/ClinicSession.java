package org.clinicflow.scheduling.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One day's session at a site: its hours, slot length, stations and interpreter languages. */
@Entity
@Table(name = "clinic_session")
public class ClinicSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public String siteId;
    public LocalDate sessionDate;
    public LocalTime startTime;
    public LocalTime endTime;
    public int slotMinutes;
    public int stations;
    /** Comma-separated BCP 47 tags of the languages someone at the session speaks. */
    public String languages;
    public boolean closed;
    public Instant createdAt;

    public List<String> languageList() {
        return Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
