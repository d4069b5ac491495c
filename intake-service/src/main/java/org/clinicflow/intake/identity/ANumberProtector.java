package org.clinicflow.intake.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public ANumberProtector(@ConfigProperty(name = "clinic.intake.a-number.encryption-key") String encryptionKey,
            @ConfigProperty(name = "clinic.intake.a-number.fingerprint-key") String fingerprintKey) {
        this.encryptionKey = key(encryptionKey, "AES", "encryption-key");
        this.fingerprintKey = key(fingerprintKey, "HmacSHA256", "fingerprint-key");
    }

    public byte[] encrypt(ANumber aNumber) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(aNumber.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A-number encryption failed", e);
        }
    }

    public ANumber decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            String digits = new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII);
            return ANumber.parse(digits).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A-number decryption failed (wrong key?)", e);
        }
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

    private static SecretKeySpec key(String base64, String algorithm, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clinic.intake.a-number." + name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("clinic.intake.a-number." + name + " must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, algorithm);
    }
}
