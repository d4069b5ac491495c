package org.clinicflow.audit.retention;

import java.time.Duration;

/**
 * The part every data class shares: its name, its description and its configured period; a
 * service's class adds how to count and purge its records.
 */
public abstract class NamedDataClass implements DataClass {

    private final String name;
    private final String description;
    private final Duration period;

    /** For the container's client proxies only. */
    protected NamedDataClass() {
        this(null, null, null);
    }

    protected NamedDataClass(String name, String description, Duration period) {
        this.name = name;
        this.description = description;
        this.period = period;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Duration period() {
        return period;
    }
}
