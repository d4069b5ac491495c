package org.clinicflow.web.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Versioned keys with associated data: a value opens under its own version and record only; a
 * value from before versions opens under key 1; a retired version is a clear error. The format
 * is checked against the JDK's own AES-GCM with the same key, nonce and associated data, not
 * against this class.
 */
class KeyRingTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString("k1-k1-k1-k1-k1-k1-k1-k1-k1-k1-32".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_2 = Base64.getEncoder().encodeToString("k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-32".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] PLAIN = "123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD_A = "applicant-a|a-number".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD_B = "applicant-b|a-number".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aValueOpensUnderItsVersionAndRecordOnly() {
        KeyRing ring = KeyRing.of(Map.of(1, KEY_1, 2, KEY_2), 2, "test-key");
        KeyRing.Sealed sealed = ring.seal(PLAIN, RECORD_A);
        assertEquals(2, sealed.version());
        assertArrayEquals(PLAIN, ring.open(sealed.cipher(), 2, RECORD_A));
        assertThrows(IllegalStateException.class, () -> ring.open(sealed.cipher(), 2, RECORD_B), "moved to another record");
        assertThrows(IllegalStateException.class, () -> ring.open(sealed.cipher(), 1, RECORD_A), "under another key");
    }

    @Test
    void theFormatIsTheNonceThenAesGcmWithTheRecordAsAssociatedData() throws Exception {
        KeyRing ring = KeyRing.of(Map.of(1, KEY_1), 1, "test-key");
        byte[] sealed = ring.seal(PLAIN, RECORD_A).cipher();
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY_1), "AES"),
                new GCMParameterSpec(128, sealed, 0, 12));
        jdk.updateAAD(RECORD_A);
        assertArrayEquals(PLAIN, jdk.doFinal(sealed, 12, sealed.length - 12));
    }

    @Test
    void aValueFromBeforeVersionsOpensUnderKeyOneAndARetiredVersionIsAnError() {
        byte[] legacy = AesGcm.fromBase64(KEY_1, "test-key").encrypt(PLAIN);
        KeyRing ring = KeyRing.of(Map.of(1, KEY_1, 2, KEY_2), 2, "test-key");
        assertArrayEquals(PLAIN, ring.open(legacy, null, RECORD_A));
        KeyRing retired = KeyRing.of(Map.of(2, KEY_2), 2, "test-key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> retired.open(legacy, 1, RECORD_A));
        assertEquals("key version 1 is not configured (retired too early?)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> KeyRing.of(Map.of(1, KEY_1), 2, "test-key"), "no key for the current version");
    }
}
