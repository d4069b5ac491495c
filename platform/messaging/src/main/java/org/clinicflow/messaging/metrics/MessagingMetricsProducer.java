package org.clinicflow.messaging.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes one {@link MessagingMetrics} per application, on the service's datasource. */
public class MessagingMetricsProducer {

    @Produces
    @Singleton
    MessagingMetrics messagingMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        return new MessagingMetrics(registry, dataSource);
    }
}
