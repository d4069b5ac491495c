package org.clinicflow.scheduling.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.clinicflow.messaging.inbox.ArrivedEarly;
import org.clinicflow.messaging.inbox.Parking;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.SiteScope;

/**
 * Scheduling's projection of intake's applicants, and the door it guards: a REST write for an
 * applicant intake never registered is a 404, for a withdrawn one a 409, for one of another
 * site (a caseworker's) a 403, each naming the field; an event about an applicant not known yet
 * waits for the registration ({@link ArrivedEarly}), which releases it. Tested by
 * {@code KnownApplicantsTest} on the real broker and database.
 */
@ApplicationScoped
public class KnownApplicants {

    static final String REGISTRATION = "the applicant's registration";

    private final Parking parking;

    KnownApplicants(Parking parking) {
        this.parking = parking;
    }

    /** Intake registered or corrected the applicant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announced(UUID applicantId, String siteId, UUID householdId, String language) {
        KnownApplicant known = KnownApplicant.findById(applicantId);
        boolean first = known == null;
        if (first) {
            known = new KnownApplicant();
            known.applicantId = applicantId;
        }
        known.siteId = siteId;
        known.householdId = householdId;
        known.preferredLanguage = language;
        known.updatedAt = Instant.now();
        if (first) {
            known.persist(); // complete: Hibernate may insert it at once
        }
        parking.release(applicantId);
    }

    /** Intake's eligibility decision; it follows the registration, so an unknown applicant's waits for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownApplicant eligibility(UUID applicantId, String status, java.time.LocalDate eligibleFrom, String holdReference,
            boolean overridden) {
        KnownApplicant known = require(applicantId);
        known.eligibilityStatus = status;
        known.eligibleFrom = eligibleFrom;
        known.holdReference = holdReference;
        known.overridden = overridden;
        known.updatedAt = Instant.now();
        return known;
    }

    /** What eligibility lets a booking do for this applicant now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EligibilityGate gate(UUID applicantId) {
        return EligibilityGate.of(KnownApplicant.findById(applicantId));
    }

    /** The case was filed: the applicant no longer counts in the backlog a surge plan serves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void filed(UUID applicantId, Instant filedAt) {
        KnownApplicant known = KnownApplicant.findById(applicantId);
        if (known != null && known.filedAt == null) {
            known.filedAt = filedAt == null ? Instant.now() : filedAt;
            known.updatedAt = Instant.now();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(UUID applicantId) {
        KnownApplicant known = KnownApplicant.findById(applicantId);
        if (known != null) {
            known.withdrawn = true;
            known.updatedAt = Instant.now();
        }
    }

    /**
     * For an event's handler: the applicant, or ArrivedEarly until intake's registration is
     * applied. The row is locked for the handler's transaction: the eligibility and the
     * documents-ready consumers run side by side, and without the lock each could read the
     * other's half as not yet there (eligibility sees no ready applicant, documents-ready sees
     * no eligibility) and the applicant would wait for the next sweep; with it, the second reads
     * what the first committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownApplicant require(UUID applicantId) {
        KnownApplicant known = KnownApplicant.findById(applicantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            throw new ArrivedEarly(REGISTRATION);
        }
        return known;
    }

    /** For a caseworker's write: the applicant, known, not withdrawn, and at a site the caller works at. */
    @Transactional
    public KnownApplicant requireActionable(UUID applicantId, SiteScope scope) {
        KnownApplicant known = KnownApplicant.findById(applicantId);
        if (known == null) {
            throw refused(Response.Status.NOT_FOUND, "unknown-applicant", "no applicant with this id is registered");
        }
        if (!scope.maySee(known.siteId)) {
            throw refused(Response.Status.FORBIDDEN, "other-site-applicant", "is an applicant of another site");
        }
        if (known.withdrawn) {
            throw refused(Response.Status.CONFLICT, "applicant-withdrawn", "has withdrawn; register them again to book");
        }
        return known;
    }

    private static ProblemException refused(Response.Status status, String slug, String message) {
        return new ProblemException(Problem.about(status, slug, "applicantId", message));
    }
}
