package org.clinicflow.notification.message;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.clinicflow.messaging.wake.ListenLoop;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link Dispatcher} when a message is queued rather than on a timer: the message
 * table's insert trigger notifies {@code clinic_sms} at commit (migration V20261130.40), and a
 * pass runs at once; without a notification it still looks every {@code dispatch-interval} for
 * messages due later (retries, reminders). A timer alone put up to a second between a booking
 * and its SMS. A pass sends everything due, so the loop never asks again before the next
 * notification, and passes start at most once per {@code dispatch-min-gap}: during a surge a pass
 * then carries the texts queued meanwhile, instead of a pass of four transactions for each one or
 * two. Tested by {@code NotificationFlowTest} and the system tests' journeys.
 */
@ApplicationScoped
public class DispatchLoop {

    static final String CHANNEL = "clinic_sms";

    private final Dispatcher dispatcher;
    private final AgroalDataSource dataSource;
    private final Duration interval;
    private final Duration minGap;
    private final boolean enabled;
    private ListenLoop loop;

    DispatchLoop(Dispatcher dispatcher, AgroalDataSource dataSource,
            @ConfigProperty(name = "clinic.notification.dispatch-interval", defaultValue = "1s") Duration interval,
            @ConfigProperty(name = "clinic.notification.dispatch-min-gap", defaultValue = "200ms") Duration minGap,
            @ConfigProperty(name = "clinic.notification.dispatch-enabled", defaultValue = "true") boolean enabled) {
        this.dispatcher = dispatcher;
        this.dataSource = dataSource;
        this.interval = interval;
        this.minGap = minGap;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            // A pass claims until nothing is due (or the sender's bucket is empty): never full.
            loop = new ListenLoop(CHANNEL, dispatcher::dispatchOnce, dataSource, interval, Duration.ofSeconds(10),
                    Integer.MAX_VALUE, minGap).start("sms-dispatcher");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }
}
