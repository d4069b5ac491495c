package org.clinicflow.events.cloudevents;

/**
 * Kafka header names of CloudEvents 1.0 binary mode, as the Kafka protocol binding spells
 * them ({@code ce_} prefix), plus the clinic's correlation-id extension attribute.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** Extension attribute: one id for every event caused by the same user action or import. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** In binary mode the Kafka content-type header carries the CloudEvents datacontenttype. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
