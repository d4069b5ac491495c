package org.clinicflow.scheduling.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An applicant's appointment: the slot it holds a seat in, and how the visit went. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    /** Where an appointment stands; the active ones hold a seat. */
    public enum Status {
        BOOKED, CONFIRMED, ON_HOLD, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

        public static final Set<Status> ACTIVE = EnumSet.of(BOOKED, CONFIRMED, ON_HOLD, CHECKED_IN);

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    public UUID id;
    public UUID applicantId;
    public UUID householdId;
    public String siteId;
    public UUID slotId;
    public Instant startsAt;
    public String language;
    @jakarta.persistence.Convert(converter = StatusConverter.class)
    public Status status;
    public String receiptNumber;
    public Instant checkedInAt;
    public Instant completedAt;
    public boolean noShowRebooked;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public boolean isActive() {
        return Status.ACTIVE.contains(status);
    }

    private static final Object[] ACTIVE_STATUSES = Status.ACTIVE.toArray();
    private static final String ACTIVE_FOR = "applicantId = ?1 and status in ("
            + java.util.stream.IntStream.rangeClosed(2, ACTIVE_STATUSES.length + 1).mapToObj(i -> "?" + i)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";

    /** The active appointment of an applicant, if any. */
    public static Appointment activeFor(UUID applicantId) {
        // The statuses as separate parameters: Hibernate re-translates a query with a list parameter
        // on every call (its SQL depends on the list's length), which made this lookup, run for
        // every event of an applicant, a tenth of the service's CPU during a surge.
        Object[] params = new Object[Status.ACTIVE.size() + 1];
        params[0] = applicantId;
        System.arraycopy(ACTIVE_STATUSES, 0, params, 1, ACTIVE_STATUSES.length);
        return find(ACTIVE_FOR, params).firstResult();
    }

    /** Stored lower-case, as the migration's partial unique index names the statuses. */
    @jakarta.persistence.Converter
    public static class StatusConverter implements jakarta.persistence.AttributeConverter<Status, String> {
        @Override
        public String convertToDatabaseColumn(Status status) {
            return status == null ? null : status.code();
        }

        @Override
        public Status convertToEntityAttribute(String code) {
            return code == null ? null : Status.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
