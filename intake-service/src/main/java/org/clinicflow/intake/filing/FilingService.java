package org.clinicflow.intake.filing;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.clinicflow.intake.address.AddressBook;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.intake.stage.Stage;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.time.ClinicClock;

/**
 * Records that a complete case was filed (date, method, fee) and, when it arrives, USCIS's
 * receipt number: the case moves to filed, each step is an event and a timeline entry, and the
 * receipt reaches the applicant by SMS (the notification service). A receipt number recorded
 * twice is one receipt. The form's mailing address at filing starts the case's address history. Tested by {@code FilingApiTest}, {@code FilingDatesTest} (the filing date against the clinic's calendar) and the journey test.
 */
@ApplicationScoped
public class FilingService {

    private final FilingReadiness readiness;
    private final FilingEvents events;
    private final AuditLog audit;
    private final ClinicClock clock;
    private final FormService forms;
    private final AddressBook addresses;

    FilingService(FilingReadiness readiness, FilingEvents events, AuditLog audit, ClinicClock clock, FormService forms,
            AddressBook addresses) {
        this.readiness = readiness;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.forms = forms;
        this.addresses = addresses;
    }

    @Transactional
    public void file(Applicant a, FilingRequest r, String actor) {
        if (a.stage() == Stage.FILED) {
            throw conflict("already-filed", "The case was filed on " + a.filedOn + ".");
        }
        if (a.stage().isFinal()) {
            throw conflict("case-closed", "The case is already " + a.stageCode + ".");
        }
        if (r.filedOn().isAfter(clock.today())) {
            throw invalid("filedOn", "cannot be in the future");
        }
        if (r.filedOn().isBefore(registeredOnAtTheEarliest(a.createdAt))) {
            throw invalid("filedOn", "cannot be before the case was registered");
        }
        boolean waiverClaimed = a.feeWaiverBasis != null && a.feeWaiverBasis != ApplicantFacts.FeeWaiverBasis.NONE;
        if ("waiver-requested".equals(r.feeStatus()) && !waiverClaimed) {
            throw invalid("feeStatus", "waiver-requested needs a fee-waiver basis on the case (correct the case first)");
        }
        // USCIS takes a fee-waiver request (Form I-912) with a paper filing only.
        if ("waiver-requested".equals(r.feeStatus()) && "online".equals(r.method())) {
            throw invalid("method", "must be paper when a fee waiver is requested: Form I-912 is filed on paper");
        }
        Packets.requireComplete(readiness.of(a));
        a.filedOn = r.filedOn();
        a.filedMethod = r.method();
        a.feeStatus = r.feeStatus();
        a.moveTo(Stage.FILED);
        a.updatedAt = clock.now();
        events.filed(a, actor);
        // The address USCIS will mail the card to: the first of the case's mailing-address history.
        addresses.capturedAtFiling(a, forms.answers(forms.find(a)).mailingAddress(), actor);
        audit.record(a.id, actor, "record-filing", r.method() + " " + r.feeStatus());
    }

    /** Records the receipt; false when the same number was already on the case (nothing changes). */
    @Transactional
    public boolean receipt(Applicant a, ReceiptRequest r, String actor) {
        String number = r.receiptNumber().toUpperCase(Locale.ROOT);
        if (a.stage() != Stage.FILED) {
            throw conflict("not-filed", "Record the filing first: the case is " + a.stageCode.replace('_', ' ') + ".");
        }
        if (number.equals(a.receiptNumber)) {
            return false;
        }
        if (a.receiptNumber != null) {
            throw conflict("receipt-recorded", "Receipt " + a.receiptNumber + " is already recorded for this case.");
        }
        a.receiptNumber = number;
        a.receiptRecordedAt = clock.now();
        a.updatedAt = a.receiptRecordedAt;
        events.receiptRecorded(a, actor);
        audit.record(a.id, actor, "record-receipt", null);
        return true;
    }

    /**
     * The earliest date the clinic's own calendar could have shown when the case was registered.
     * The filing date is the clinic's local date, and intake does not keep the sites' zones
     * (scheduling does): the UTC date was wrong for every evening filing west of UTC (a case
     * registered and filed at 7:55 PM in Chicago is registered on the next day in UTC), so the
     * bound is the date in the westernmost zone, UTC-12, never a whole day too lenient.
     */
    static java.time.LocalDate registeredOnAtTheEarliest(java.time.Instant createdAt) {
        return java.time.LocalDate.ofInstant(createdAt, java.time.ZoneOffset.ofHours(-12));
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, slug, detail));
    }
}
