package org.clinicflow.web.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption for personal data at rest (A-numbers, document scans): AES-256-GCM
 * with a fresh 96-bit nonce per value, stored as nonce followed by ciphertext and tag. A
 * tampered value or a wrong key fails loudly instead of decrypting to garbage. Keys are base64
 * of 32 bytes from configuration (a Secret in production). Tested by {@code ANumberTest} and
 * the document service's scan tests.
 */
public final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private AesGcm(SecretKeySpec key) {
        this.key = key;
    }

    /** A cipher from a base64 32-byte key; {@code setting} names the configuration key in errors. */
    public static AesGcm fromBase64(String base64, String setting) {
        return new AesGcm(new SecretKeySpec(keyBytes(base64, setting), "AES"));
    }

    /** The 32 raw bytes of a base64 key, checked. */
    public static byte[] keyBytes(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64), not " + bytes.length);
        }
        return bytes;
    }

    public byte[] encrypt(byte[] plain) {
        return encrypt(plain, null);
    }

    public byte[] decrypt(byte[] stored) {
        return decrypt(stored, null);
    }

    /**
     * Encrypts with associated data: the ciphertext opens only with the same {@code aad} (the
     * record it belongs to), so a value copied onto another record fails instead of decrypting.
     */
    public byte[] encrypt(byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] stored, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key or tampered data)", e);
        }
    }
}
