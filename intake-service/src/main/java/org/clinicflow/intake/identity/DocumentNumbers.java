package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.clinicflow.web.crypto.AesGcm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the I-94, passport, travel-document and Social Security numbers the way the A-number is
 * kept: AES-256-GCM under the same identity key (one Secret to rotate, not four), normalized
 * (upper case, no separators) before encryption, and masked as {@code •••••1234} wherever they
 * are shown. Only the filing packet and a supervisor's audited reveal decrypt them. Tested by
 * {@code FilingApiTest}.
 */
@ApplicationScoped
public class DocumentNumbers {

    private final AesGcm cipher;

    public DocumentNumbers(@ConfigProperty(name = "clinic.intake.a-number.encryption-key") String key) {
        this.cipher = AesGcm.fromBase64(key, "clinic.intake.a-number.encryption-key");
    }

    /** Upper case, letters and digits only: how a number is stored and compared. */
    public static String normalize(String number) {
        return number.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    public byte[] encrypt(String normalized) {
        return cipher.encrypt(normalized.getBytes(StandardCharsets.US_ASCII));
    }

    public String decrypt(byte[] stored) {
        return stored == null ? null : new String(cipher.decrypt(stored), StandardCharsets.US_ASCII);
    }

    public static String lastFour(String normalized) {
        return normalized.substring(Math.max(0, normalized.length() - 4));
    }

    public static String mask(String lastFour) {
        return lastFour == null ? null : "•••••" + lastFour;
    }
}
