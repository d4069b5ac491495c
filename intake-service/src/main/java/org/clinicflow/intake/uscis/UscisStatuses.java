package org.clinicflow.intake.uscis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.tracking.CaseStatusChangedV1;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.intake.address.AddressBook;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.task.CaseTasks;
import org.clinicflow.intake.task.TaskKind;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.inbox.ArrivedEarly;

/**
 * Applies a USCIS status change to the case, in the inbox's transaction: the case shows it, the
 * timeline gets one entry, a status that needs a person raises its task, and "card mailed" for
 * a case that moved after filing raises the warning that the card went to an old address.
 * Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
public class UscisStatuses {

    private final Timeline timeline;
    private final CaseTasks tasks;
    private final AddressBook addresses;

    UscisStatuses(Timeline timeline, CaseTasks tasks, AddressBook addresses) {
        this.timeline = timeline;
        this.tasks = tasks;
        this.addresses = addresses;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(CaseStatusChangedV1 e, EventMetadata metadata) {
        Applicant a = Applicant.findById(e.applicantId());
        if (a == null) {
            throw new ArrivedEarly("the applicant's registration");
        }
        UscisStatus status = UscisStatus.ofCode(e.status()).orElse(UscisStatus.UNKNOWN);
        String wording = e.uscisStatus() == null ? status.code() : e.uscisStatus();
        timeline.append(metadata, a.id, "USCIS", "USCIS: " + wording + (e.statusDate() == null ? "" : " (" + e.statusDate() + ")"));
        a.uscisStatus = status.code();
        a.uscisStatusTitle = e.uscisStatus();
        a.uscisStatusDate = e.statusDate();
        TaskKind.forStatus(status).ifPresent(kind -> tasks.raise(a.id, kind, metadata.id(), null, e.uscisStatus()));
        if (status == UscisStatus.CARD_MAILED && addresses.movedAfterFiling(a)) {
            tasks.raise(a.id, TaskKind.CARD_MAILED_AFTER_MOVE, metadata.id(), null, "card mailed " + (e.statusDate() == null ? ""
                    : "on " + e.statusDate()) + " to the address on file at filing");
        }
    }
}
