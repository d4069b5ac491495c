package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jakarta.ws.rs.core.Response;
import org.clinicflow.web.crypto.KeyRing;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that seal identity numbers (A-number, I-94, passport, travel document, SSN), by
 * version: version 1 is {@code clinic.intake.a-number.encryption-key}; later versions are
 * {@code clinic.intake.a-number.encryption-keys.N} (env {@code CLINIC_INTAKE_A_NUMBER_ENCRYPTION_KEYS_N});
 * {@code clinic.intake.a-number.encryption-key-version} says which seals new values. Read by
 * version number from the configuration rather than through a mapping, because the versions
 * present are not known in advance (a retired key is simply removed). Every value is sealed with
 * its case and field as associated data. Tested by {@code KeyRotationTest}.
 */
@ApplicationScoped
public class IdentityKeys {

    static final String SETTING = "clinic.intake.a-number.encryption-key";
    private static final int MAX_VERSION = 99;

    @Produces
    @ApplicationScoped
    KeyRing identityKeyRing(Config config, @ConfigProperty(name = SETTING) String first,
            @ConfigProperty(name = "clinic.intake.a-number.encryption-key-version", defaultValue = "1") int current) {
        Map<Integer, String> keys = new TreeMap<>();
        keys.put(1, first);
        for (int version = 2; version <= MAX_VERSION; version++) {
            final int v = version;
            config.getOptionalValue("clinic.intake.a-number.encryption-keys." + v, String.class).ifPresent(key -> keys.put(v, key));
        }
        return KeyRing.of(keys, current, SETTING);
    }

    /**
     * Opens a sealed value of a case's field. One that does not open (copied from another case or
     * field, tampered with, or under a retired key) is a 409 naming the field, not a 500: the
     * number must be entered again from the applicant's documents.
     */
    static byte[] open(KeyRing keys, byte[] sealed, Integer version, UUID applicantId, String field) {
        try {
            return keys.open(sealed, version, aad(applicantId, field));
        } catch (IllegalStateException e) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "sealed-value-unreadable", "The stored " + field
                    + " cannot be opened for this case (" + e.getMessage() + "); enter it again from the applicant's documents.")
                    .with("field", field));
        }
    }

    /** The associated data of a value: the case it belongs to and its field. */
    public static byte[] aad(UUID applicantId, String field) {
        return (applicantId + "|" + field).getBytes(StandardCharsets.US_ASCII);
    }
}
