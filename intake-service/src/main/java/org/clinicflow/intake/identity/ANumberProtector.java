package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clinicflow.web.crypto.AesGcm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps A-numbers encrypted at rest: AES-256-GCM with a random nonce per value, and a keyed
 * HMAC-SHA256 fingerprint so duplicates can be found without decrypting. Both keys come from
 * configuration ({@code clinic.intake.a-number.encryption-key}, {@code ...fingerprint-key},
 * base64 of 32 bytes; a Kubernetes Secret in production, never committed). Tested by
 * {@code ANumberProtectorTest}.
 */
@ApplicationScoped
public class ANumberProtector {

    private final AesGcm cipher;
    private final SecretKeySpec fingerprintKey;

    public ANumberProtector(@ConfigProperty(name = "clinic.intake.a-number.encryption-key") String encryptionKey,
            @ConfigProperty(name = "clinic.intake.a-number.fingerprint-key") String fingerprintKey) {
        this.cipher = AesGcm.fromBase64(encryptionKey, "clinic.intake.a-number.encryption-key");
        this.fingerprintKey = new SecretKeySpec(
                AesGcm.keyBytes(fingerprintKey, "clinic.intake.a-number.fingerprint-key"), "HmacSHA256");
    }

    public byte[] encrypt(ANumber aNumber) {
        return cipher.encrypt(aNumber.digits().getBytes(StandardCharsets.US_ASCII));
    }

    public ANumber decrypt(byte[] stored) {
        return ANumber.parse(new String(cipher.decrypt(stored), StandardCharsets.US_ASCII)).orElseThrow();
    }

    /** A stable keyed fingerprint: equal A-numbers, equal fingerprints; useless without the key. */
    public String fingerprint(ANumber aNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return HexFormat.of().formatHex(mac.doFinal(aNumber.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A-number fingerprint failed", e);
        }
    }
}
