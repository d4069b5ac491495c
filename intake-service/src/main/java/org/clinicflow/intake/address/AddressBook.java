package org.clinicflow.intake.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.filing.FormRequest;
import org.clinicflow.intake.task.CaseTasks;
import org.clinicflow.intake.task.TaskKind;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.time.ClinicClock;

/**
 * A case's mailing addresses: the one on the form when the case is filed, then every move a
 * caseworker records. A move on or after the filing date raises the "update USCIS" task (Form
 * AR-11 and the pending case, due 10 days after the move, 8 CFR 265.1) and, when USCIS has
 * already mailed the card, the "card mailed after a move" task. Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
public class AddressBook {

    /** A person who moves must tell USCIS within this many days. */
    static final int AR11_DAYS = 10;

    private final AddressEvents events;
    private final CaseTasks tasks;
    private final AuditLog audit;
    private final ClinicClock clock;

    AddressBook(AddressEvents events, CaseTasks tasks, AuditLog audit, ClinicClock clock) {
        this.events = events;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form's mailing address becomes the first in the history, from the filing date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void capturedAtFiling(Applicant a, FormRequest.Address address, String actor) {
        if (address != null && address.street() != null) {
            store(a.id, "filing", address, a.filedOn, actor);
        }
    }

    @Transactional
    public MailingAddress move(Applicant a, FormRequest.Address address, LocalDate movedOn, String actor) {
        if (movedOn.isAfter(clock.today())) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("movedOn", "cannot be in the future"))));
        }
        if (a.stage() == org.clinicflow.intake.stage.Stage.WITHDRAWN) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The case is " + a.stageCode + "."));
        }
        MailingAddress stored = store(a.id, "move", address, movedOn, actor);
        boolean afterFiling = afterFiling(a, movedOn);
        EventMetadata event = events.moved(a, movedOn, afterFiling, actor);
        if (afterFiling && !UscisStatus.CARD_DELIVERED.code().equals(a.uscisStatus)) {
            tasks.raise(a.id, TaskKind.UPDATE_USCIS_ADDRESS, event.id(), movedOn.plusDays(AR11_DAYS), "moved on " + movedOn);
            if (UscisStatus.CARD_MAILED.code().equals(a.uscisStatus)) {
                tasks.raise(a.id, TaskKind.CARD_MAILED_AFTER_MOVE, event.id(), null, "card mailed; moved on " + movedOn);
            }
        }
        audit.record(a.id, actor, "record-move", "moved on " + movedOn);
        return stored;
    }

    /** Whether a move on {@code movedOn} comes on or after the case's filing date (USCIS must then be told). */
    public static boolean afterFiling(Applicant a, LocalDate movedOn) {
        return a.filedOn != null && !movedOn.isBefore(a.filedOn);
    }

    /** Whether the applicant moved on or after the filing date. */
    public boolean movedAfterFiling(Applicant a) {
        return a.filedOn != null
                && MailingAddress.count("applicantId = ?1 and reason = 'move' and effectiveOn >= ?2", a.id, a.filedOn) > 0;
    }

    /** The history, newest first. */
    public List<MailingAddress> history(UUID applicantId) {
        return MailingAddress.list("applicantId = ?1 order by effectiveOn desc, id desc", applicantId);
    }

    private MailingAddress store(UUID applicantId, String reason, FormRequest.Address address, LocalDate effectiveOn, String actor) {
        MailingAddress m = new MailingAddress();
        m.applicantId = applicantId;
        m.reason = reason;
        m.inCareOf = address.inCareOf();
        m.street = address.street();
        m.unit = address.unit();
        m.city = address.city();
        m.state = address.state();
        m.zipCode = address.zipCode();
        m.effectiveOn = effectiveOn;
        m.recordedAt = clock.now();
        m.recordedBy = actor;
        m.persist();
        return m;
    }
}
