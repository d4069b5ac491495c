package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.clinicflow.web.crypto.KeyRing;

/**
 * Keeps the I-94, passport, travel-document and Social Security numbers the way the A-number is
 * kept: AES-256-GCM under the identity key ring ({@link IdentityKeys}), the case and the field as
 * associated data (a number copied to another case or another field does not open), normalized
 * (upper case, no separators) before sealing, and masked as {@code •••••1234} wherever shown.
 * Only the filing packet and a supervisor's audited reveal open them. Tested by
 * {@code FilingApiTest} and {@code KeyRotationTest}.
 */
@ApplicationScoped
public class DocumentNumbers {

    private final KeyRing keys;

    public DocumentNumbers(KeyRing keys) {
        this.keys = keys;
    }

    /** Upper case, letters and digits only: how a number is stored and compared. */
    public static String normalize(String number) {
        return number.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    public KeyRing.Sealed encrypt(String normalized, UUID applicantId, String field) {
        return keys.seal(normalized.getBytes(StandardCharsets.US_ASCII), IdentityKeys.aad(applicantId, field));
    }

    public String decrypt(byte[] stored, Integer keyVersion, UUID applicantId, String field) {
        return stored == null ? null
                : new String(IdentityKeys.open(keys, stored, keyVersion, applicantId, field), StandardCharsets.US_ASCII);
    }

    public int currentVersion() {
        return keys.currentVersion();
    }

    public static String lastFour(String normalized) {
        return normalized.substring(Math.max(0, normalized.length() - 4));
    }

    public static String mask(String lastFour) {
        return lastFour == null ? null : "•••••" + lastFour;
    }
}
