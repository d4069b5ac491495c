package org.clinicflow.audit.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * One class of personal data a service keeps, and how it is forgotten: records older than the
 * class's period (from {@code clinic.retention.<name>}) lose their personal fields or are
 * deleted, while what statistics need stays. A service declares each class as a bean; {@link
 * Retention} runs them.
 */
public interface DataClass {

    /** A stable name, such as {@code closed-cases}. */
    String name();

    /** What is purged and what is kept, in words for the supervisors' screen. */
    String description();

    Duration period();

    /** How many records a purge at {@code cutoff} would touch: the dry run. */
    long due(Instant cutoff);

    /** Purges at most {@code limit} records older than {@code cutoff}, in the caller's transaction; returns how many. */
    int purge(Instant cutoff, int limit);
}
