package org.clinicflow.intake.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.identity.DocumentNumbers;
import org.clinicflow.web.problem.FieldErrors;
import org.clinicflow.web.time.ClinicClock;

/**
 * Saves and reads a case's I-765 answers: formats and contradictions refused with every field
 * named, document numbers encrypted on the way in and masked on the way out, each save and each
 * reveal on the case's audit trail. Tested by {@code FilingApiTest}.
 */
@ApplicationScoped
public class FormService {

    private final Validator validator;
    private final DocumentNumbers numbers;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final ClinicClock clock;

    FormService(Validator validator, DocumentNumbers numbers, ObjectMapper json, AuditLog audit, ClinicClock clock) {
        this.validator = validator;
        this.numbers = numbers;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored form of a case, if a preparer has started it. */
    public Optional<FormRecord> find(Applicant a) {
        return FormRecord.findByIdOptional(a.id);
    }

    public FormRequest answers(Optional<FormRecord> record) {
        return record.map(r -> read(r.answers)).orElseGet(FormRequest::empty);
    }

    public FormRules.NumbersOnFile onFile(Optional<FormRecord> record) {
        return record.map(r -> new FormRules.NumbersOnFile(r.i94Cipher != null, r.passportCipher != null,
                r.travelDocCipher != null, r.ssnCipher != null)).orElse(new FormRules.NumbersOnFile(false, false, false, false));
    }

    @Transactional
    public FormRecord save(Applicant a, FormRequest r, String actor) {
        FormRecord record = FormRecord.<FormRecord>findByIdOptional(a.id).orElseGet(() -> {
            FormRecord fresh = new FormRecord();
            fresh.applicantId = a.id;
            return fresh;
        });
        FormRules.NumbersOnFile after = new FormRules.NumbersOnFile(kept(r.i94Number(), record.i94Cipher),
                kept(r.passportNumber(), record.passportCipher), kept(r.travelDocumentNumber(), record.travelDocCipher),
                kept(r.ssn(), record.ssnCipher));
        FieldErrors.requireNone(validator, r, FormRules.contradictions(r, after, a));
        record.answers = write(r.withoutNumbers());
        Map<String, String> given = new java.util.HashMap<>();
        given.put("i94Number", r.i94Number());
        given.put("passportNumber", r.passportNumber());
        given.put("travelDocumentNumber", r.travelDocumentNumber());
        given.put("ssn", r.ssn());
        Map<String, String> clear = new LinkedHashMap<>();
        for (String field : FormRecord.NUMBER_FIELDS) {
            String value = given.get(field);
            // Null keeps what is on file (opened to be sealed again under the current key); empty clears it.
            clear.put(field, value == null ? numbers.decrypt(record.cipher(field), record.keyVersion, a.id, field)
                    : value.isBlank() ? null : DocumentNumbers.normalize(value));
        }
        reseal(record, clear);
        record.updatedBy = actor;
        record.updatedAt = clock.now();
        record.persist();
        audit.record(a.id, actor, "edit-form", null);
        return record;
    }

    /** The document numbers in clear, by field name (only those on file). */
    public Map<String, String> numbersInClear(Optional<FormRecord> record) {
        Map<String, String> clear = new LinkedHashMap<>();
        record.ifPresent(r -> FormRecord.NUMBER_FIELDS.stream().filter(f -> r.cipher(f) != null)
                .forEach(f -> clear.put(f, numbers.decrypt(r.cipher(f), r.keyVersion, r.applicantId, f))));
        return clear;
    }

    /** The document numbers masked, by field name (only those on file). */
    public static Map<String, String> numbersMasked(Optional<FormRecord> record) {
        Map<String, String> masked = new LinkedHashMap<>();
        record.ifPresent(r -> FormRecord.NUMBER_FIELDS.stream().filter(f -> r.lastFour(f) != null)
                .forEach(f -> masked.put(f, DocumentNumbers.mask(r.lastFour(f)))));
        return masked;
    }

    /** Opens the row's numbers and seals them again under the current key version (key rotation). */
    public void reseal(FormRecord record) {
        Map<String, String> clear = new java.util.HashMap<>();
        numbersInClear(Optional.of(record)).forEach(clear::put);
        reseal(record, clear);
    }

    /** Seals every number of the row under the current key version (so a row never mixes versions). */
    private void reseal(FormRecord record, Map<String, String> clear) {
        for (String field : FormRecord.NUMBER_FIELDS) {
            String value = clear.get(field);
            record.set(field, value == null ? null : numbers.encrypt(value, record.applicantId, field).cipher(),
                    value == null ? null : DocumentNumbers.lastFour(value));
        }
        record.keyVersion = numbers.currentVersion();
    }

    /** A supervisor's audited reveal of the numbers in clear. */
    @Transactional
    public Map<String, String> reveal(Applicant a, String actor) {
        audit.record(a.id, actor, "reveal-document-numbers", null);
        return numbersInClear(find(a));
    }

    /** Null keeps what is on file; an empty string clears it. */
    private static boolean kept(String given, byte[] stored) {
        return given == null ? stored != null : !given.isBlank();
    }

    private FormRequest read(String stored) {
        try {
            return json.readValue(stored, FormRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored I-765 answers are unreadable", e);
        }
    }

    private String write(FormRequest answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("I-765 answers could not be written", e);
        }
    }
}
