package org.clinicflow.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * What a handler says when it applied a prerequisite: {@link #release} makes the applicant's
 * parked events due at once, and wakes this replica's {@link ParkingRedriver} when the
 * transaction commits (another replica's redriver finds them on its next look). Tested by
 * {@code ParkingTest}.
 */
@ApplicationScoped
public class Parking {

    private final ParkedEvents parked;
    private final ParkingRedriver redriver;
    private final TransactionSynchronizationRegistry transactions;

    Parking(ParkedEvents parked, ParkingRedriver redriver, TransactionSynchronizationRegistry transactions) {
        this.parked = parked;
        this.redriver = redriver;
        this.transactions = transactions;
    }

    /** The applicant's prerequisite is applied in this transaction: their parked events may go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID applicantId) {
        if (parked.release(applicantId.toString()) > 0) {
            wakeAfterCommit();
        }
    }

    /** An operator's re-drive of one parked event, or of all with null; returns how many were made due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redriveNow(Long id) {
        int due = parked.dueNow(id);
        if (due > 0) {
            wakeAfterCommit();
        }
        return due;
    }

    private void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    redriver.wake();
                }
            }
        });
    }
}
