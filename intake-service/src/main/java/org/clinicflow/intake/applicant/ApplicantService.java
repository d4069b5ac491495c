package org.clinicflow.intake.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.clinicflow.intake.consent.ConsentKind;
import org.clinicflow.intake.consent.ConsentLedger;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.intake.eligibility.CaseDecision;
import org.clinicflow.intake.eligibility.CaseEligibility;
import org.clinicflow.intake.identity.ANumber;
import org.clinicflow.intake.identity.ANumberProtector;
import org.clinicflow.intake.identity.PhoneNumbers;
import org.clinicflow.intake.stage.Stage;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.hibernate.StatelessSession;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.SelectionQuery;

/**
 * Registers, corrects and withdraws applicants. Each change, its events (through the outbox)
 * and its audit entry commit in one transaction; a duplicate (same A-number, or same name,
 * birth date and phone) is refused, by a check and, should two requests race, by the
 * database's unique indexes. Tested by {@code ApplicantResourceTest} on the real database.
 */
@ApplicationScoped
public class ApplicantService {

    static final String SAME_A_NUMBER = "same-a-number";
    static final String SAME_PERSON = "same-name-birth-date-phone";
    private static final List<String> ROUTING_FIELDS = List.of("householdId", "siteId", "category", "preferredLanguage",
            "priorEad", "feeWaiverBasis");
    private static final List<String> CONTACT_FIELDS = List.of("phone", "preferredLanguage", "smsConsent");

    private final ApplicantValidator validator;
    private final ANumberProtector protector;
    private final ApplicantEvents events;
    private final org.clinicflow.intake.audit.AuditLog audit;
    private final CaseEligibility eligibility;
    private final ConsentLedger consents;
    private final StatelessSession reads;

    ApplicantService(ApplicantValidator validator, ANumberProtector protector, ApplicantEvents events,
            org.clinicflow.intake.audit.AuditLog audit, CaseEligibility eligibility,
            ConsentLedger consents, StatelessSession reads) {
        this.consents = consents;
        this.reads = reads;
        this.validator = validator;
        this.protector = protector;
        this.events = events;
        this.audit = audit;
        this.eligibility = eligibility;
    }

    @Transactional
    public Applicant register(ApplicantRequest request, String actor) {
        requireValid(request);
        Optional<Duplicate> duplicate = findDuplicate(request);
        if (duplicate.isPresent()) {
            throw new DuplicateApplicantException(duplicate.get().id(), duplicate.get().rule());
        }
        Instant now = Instant.now();
        Applicant a = new Applicant();
        a.id = UUID.randomUUID();
        a.createdBy = actor;
        a.createdAt = now;
        a.moveTo(Stage.REGISTERED);
        apply(a, request, actor, now);
        CaseDecision decision = eligibility.decideNew(a);
        try {
            a.persistAndFlush();
        } catch (PersistenceException e) {
            throw duplicateOr(e);
        }
        events.registered(a, actor);
        consents.record(a.id, ConsentKind.SMS, a.smsConsent, actor);
        eligibility.announceNew(a, decision, actor);
        audit.record(a.id, actor, "register", null);
        return a;
    }

    /** Applies a correction (the request already merged onto the case); returns the fields that changed. */
    @Transactional
    public List<String> correct(UUID id, ApplicantRequest merged, String actor) {
        requireValid(merged);
        Applicant a = Applicant.findById(id);
        ApplicantRequest before = ApplicantRequest.of(a);
        List<String> changed = changedFields(before, merged);
        if (changed.isEmpty()) {
            return changed;
        }
        if (merged.aNumber() != null) {
            ANumber aNumber = ANumber.parse(merged.aNumber()).orElseThrow();
            Applicant holder = Applicant.find("aNumberFingerprint", protector.fingerprint(aNumber)).firstResult();
            if (holder != null && !holder.id.equals(a.id)) {
                throw new DuplicateApplicantException(holder.id, SAME_A_NUMBER);
            }
        }
        Instant now = Instant.now();
        apply(a, merged, actor, now);
        try {
            a.flush();
        } catch (PersistenceException e) {
            throw duplicateOr(e);
        }
        List<String> routing = changed.stream().filter(ROUTING_FIELDS::contains).toList();
        if (!routing.isEmpty()) {
            events.updated(a, routing, actor);
        }
        if (changed.stream().anyMatch(CONTACT_FIELDS::contains)) {
            events.contactChanged(a, actor);
        }
        if (changed.contains("smsConsent")) {
            consents.record(a.id, ConsentKind.SMS, a.smsConsent, actor);
        }
        eligibility.announce(a, actor);
        audit.record(a.id, actor, "correct", String.join(",", changed));
        return changed;
    }

    /** Gives or withdraws the applicant's consent to text messages: the ledger, the case and the contact event together. */
    @Transactional
    public void changeSmsConsent(UUID id, boolean granted, String actor, String method) {
        Applicant a = Applicant.findById(id);
        consents.record(a.id, ConsentKind.SMS, granted, actor, method);
        if (a.smsConsent != granted) {
            Instant now = Instant.now();
            a.smsConsent = granted;
            a.smsConsentRecordedBy = actor;
            a.smsConsentRecordedAt = now;
            a.updatedAt = now;
            events.contactChanged(a, actor);
        }
        audit.record(a.id, actor, granted ? "grant-consent" : "withdraw-consent", "sms");
    }

    /** Records (or withdraws) a supervisor's approval to book the applicant despite the decision; audited. */
    @Transactional
    public void override(UUID id, boolean approve, String reason, String actor) {
        Applicant a = Applicant.findById(id);
        if (a.stage().isFinal()) {
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.CONFLICT, "case-closed",
                    "The case is already " + a.stageCode + "."));
        }
        a.overrideApprovedBy = approve ? actor : null;
        a.overrideReason = approve ? reason : null;
        audit.record(a.id, actor, approve ? "approve-booking-override" : "withdraw-booking-override", approve ? reason : null);
        eligibility.announce(a, actor);
    }

    @Transactional
    public void withdraw(UUID id, String reason, String actor) {
        Applicant a = Applicant.findById(id);
        if (a.stage().isFinal()) {
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.CONFLICT, "case-closed",
                    "The case is already " + a.stageCode + "."));
        }
        a.moveTo(Stage.WITHDRAWN);
        a.updatedAt = Instant.now();
        events.withdrawn(a, reason, actor);
        audit.record(a.id, actor, "withdraw", reason);
    }

    /**
     * The existing case a registration would duplicate, and which rule says so: the same A-number
     * first, else the same name, date of birth and phone. Both rules in one query (each is a
     * unique index, so it answers at most two cases).
     */
    @Transactional
    public Optional<Duplicate> findDuplicate(ApplicantRequest r) {
        Optional<String> fingerprint = r.aNumber() == null || r.aNumber().isBlank() ? Optional.empty()
                : ANumber.parse(r.aNumber()).map(protector::fingerprint);
        Optional<String> phone = PhoneNumbers.toE164(r.phone(), r.phoneRegion());
        boolean person = phone.isPresent() && r.givenName() != null && r.familyName() != null && r.dateOfBirth() != null;
        if (fingerprint.isEmpty() && !person) {
            return Optional.empty();
        }
        List<String> rules = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        fingerprint.ifPresent(f -> {
            rules.add("aNumberFingerprint = :fingerprint");
            params.put("fingerprint", f);
        });
        if (person) {
            rules.add("(familyKey = :family and givenKey = :given and dateOfBirth = :born and phone = :phone)");
            params.put("family", NameKeys.of(r.familyName()));
            params.put("given", NameKeys.of(r.givenName()));
            params.put("born", r.dateOfBirth());
            params.put("phone", phone.get());
        }
        List<Applicant> matches = Applicant.<Applicant>find(String.join(" or ", rules), params).page(0, 2).list();
        return matches.stream()
                .filter(m -> fingerprint.isPresent() && fingerprint.get().equals(m.aNumberFingerprint))
                .findFirst().map(m -> new Duplicate(m.id, SAME_A_NUMBER))
                .or(() -> matches.stream().findFirst().map(m -> new Duplicate(m.id, SAME_PERSON)));
    }

    /** A registration that matches an existing case. */
    public record Duplicate(UUID id, String rule) {
    }

    /**
     * One page of cases matching the search, newest first, within the caller's site if it has one.
     * It reads one row past the page to learn whether another follows, from offset {@code page * size}
     * (paging by {@code size + 1} would skip a case at every page boundary). The rows come through a
     * stateless session: shown, never changed, so there is no persistence context to fill,
     * snapshot or dirty-check at commit.
     */
    @Transactional
    public Found search(ApplicantSearch search, Optional<String> site, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        site.ifPresent(s -> {
            where.append(" and siteId = :site");
            params.put("site", s);
        });
        search.appendTo(where, params);
        SelectionQuery<Applicant> query = reads.createSelectionQuery(
                "from Applicant where " + where + " order by createdAt desc, id desc", Applicant.class);
        params.forEach(query::setParameter);
        List<Applicant> rows = query.setFirstResult(page * size).setMaxResults(size + 1).list();
        return new Found(rows.subList(0, Math.min(size, rows.size())), rows.size() > size);
    }

    /** A page of search results, and whether another page follows it. */
    public record Found(List<Applicant> items, boolean more) {
    }

    @Transactional
    public Optional<Applicant> find(UUID id) {
        return Applicant.findByIdOptional(id);
    }

    /** The A-number in clear, for a supervisor's audited reveal. */
    @Transactional
    public Optional<ANumber> reveal(Applicant a, String actor) {
        audit.record(a.id, actor, "reveal-a-number", null);
        return Optional.ofNullable(a.aNumberCipher).map(cipher -> protector.decrypt(cipher, a.aNumberKeyVersion, a.id));
    }

    private void apply(Applicant a, ApplicantRequest r, String actor, Instant now) {
        a.givenName = r.givenName().trim();
        a.familyName = r.familyName().trim();
        a.givenKey = NameKeys.of(a.givenName);
        a.familyKey = NameKeys.of(a.familyName);
        a.dateOfBirth = r.dateOfBirth();
        a.countryOfCitizenship = r.countryOfCitizenship();
        a.preferredLanguage = ApplicantValidator.primaryLanguage(r.preferredLanguage());
        a.phoneRegion = r.phoneRegion() == null ? PhoneNumbers.DEFAULT_REGION : r.phoneRegion().toUpperCase(java.util.Locale.ROOT);
        a.phone = PhoneNumbers.toE164(r.phone(), a.phoneRegion).orElse(null);
        if (a.smsConsent != r.smsConsent() || a.smsConsentRecordedAt == null) {
            a.smsConsentRecordedBy = actor;
            a.smsConsentRecordedAt = now;
        }
        a.smsConsent = r.smsConsent();
        if (r.aNumber() != null && !r.aNumber().isBlank()) {
            ANumber aNumber = ANumber.parse(r.aNumber()).orElseThrow();
            org.clinicflow.web.crypto.KeyRing.Sealed sealed = protector.encrypt(aNumber, a.id);
            a.aNumberCipher = sealed.cipher();
            a.aNumberKeyVersion = sealed.version();
            a.aNumberFingerprint = protector.fingerprint(aNumber);
            a.aNumberLast4 = aNumber.lastFour();
        }
        a.householdId = r.householdId() == null || r.householdId().isBlank() ? null : UUID.fromString(r.householdId());
        a.siteId = r.siteId();
        a.category = r.category();
        a.asylumFiledOn = r.asylumFiledOn();
        a.asylumLodgedOn = r.asylumLodgedOn();
        a.clockStoppedDays = r.clockStoppedDays() == null ? 0 : r.clockStoppedDays();
        a.lastArrivalOn = r.lastArrivalOn();
        a.paroleEndDate = r.paroleEndDate();
        a.paroleProgram = r.paroleProgram();
        a.tpsCountry = r.tpsCountry();
        a.priorEad = Boolean.TRUE.equals(r.priorEad());
        a.feeWaiverBasis = r.feeWaiverBasis() == null ? ApplicantFacts.FeeWaiverBasis.NONE : r.feeWaiverBasis();
        a.filingMethod = r.filingMethod() == null ? ApplicantFacts.FilingMethod.PAPER : r.filingMethod();
        a.updatedAt = now;
    }

    private static List<String> changedFields(ApplicantRequest before, ApplicantRequest after) {
        List<String> changed = new ArrayList<>();
        var components = ApplicantRequest.class.getRecordComponents();
        for (var component : components) {
            try {
                Object old = component.getAccessor().invoke(before);
                Object now = component.getAccessor().invoke(after);
                if (component.getName().equals("aNumber") ? now != null : !Objects.equals(normalize(old), normalize(now))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private static Object normalize(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }

    private void requireValid(ApplicantRequest request) {
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    private static RuntimeException duplicateOr(PersistenceException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
            String rule = violation.getConstraintName().contains("a_number") ? SAME_A_NUMBER : SAME_PERSON;
            return new DuplicateApplicantException(null, rule);
        }
        return e;
    }
}
