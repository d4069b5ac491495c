package org.clinicflow.intake.uscis;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.tracking.CaseStatusChangedV1;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.messaging.inbox.InboxListener;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The tracking service's USCIS status changes, through the inbox (a redelivery changes nothing).
 * Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
public class UscisStatusListener extends InboxListener {

    static final String CONSUMER = "intake-service.statuses";

    UscisStatusListener(InboxBatch inbox, UscisStatuses statuses) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder().on(CaseStatusChangedV1.class, e -> statuses.changed(e.event(), e.metadata())).build());
    }

    @Incoming("statuses")
    @Blocking
    public void statuses(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
