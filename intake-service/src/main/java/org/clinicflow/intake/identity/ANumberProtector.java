package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clinicflow.web.crypto.AesGcm;
import org.clinicflow.web.crypto.KeyRing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps A-numbers encrypted at rest: AES-256-GCM under the current identity key version
 * ({@link IdentityKeys}), the case as associated data (a ciphertext copied to another case does
 * not open), and a keyed HMAC-SHA256 fingerprint so duplicates can be found without decrypting
 * ({@code clinic.intake.a-number.fingerprint-key}). Keys are base64 of 32 bytes from a Secret in
 * production, never committed. Tested by {@code ANumberTest} and {@code KeyRotationTest}.
 */
@ApplicationScoped
public class ANumberProtector {

    static final String FIELD = "a-number";

    private final KeyRing keys;
    private final SecretKeySpec fingerprintKey;

    public ANumberProtector(KeyRing keys, @ConfigProperty(name = "clinic.intake.a-number.fingerprint-key") String fingerprintKey) {
        this.keys = keys;
        this.fingerprintKey = new SecretKeySpec(
                AesGcm.keyBytes(fingerprintKey, "clinic.intake.a-number.fingerprint-key"), "HmacSHA256");
    }

    public KeyRing.Sealed encrypt(ANumber aNumber, UUID applicantId) {
        return keys.seal(aNumber.digits().getBytes(StandardCharsets.US_ASCII), IdentityKeys.aad(applicantId, FIELD));
    }

    public ANumber decrypt(byte[] stored, Integer keyVersion, UUID applicantId) {
        return ANumber.parse(new String(IdentityKeys.open(keys, stored, keyVersion, applicantId, FIELD),
                StandardCharsets.US_ASCII)).orElseThrow();
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
