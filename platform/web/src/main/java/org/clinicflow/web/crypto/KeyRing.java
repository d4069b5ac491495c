package org.clinicflow.web.crypto;

import java.util.Map;
import java.util.TreeMap;

/**
 * Versioned AES-256-GCM keys for personal data at rest: values are sealed under the current
 * version with associated data naming the record they belong to, and opened under the version
 * stored beside them. A value stored before versions existed (no version) opens under key 1
 * without associated data. Rotation adds a version, makes it current, re-seals what the old
 * versions hold, then retires them; a version no longer configured is a clear error. Tested by
 * {@code KeyRingTest} and intake's {@code KeyRotationTest}.
 */
public final class KeyRing {

    /** A sealed value and the key version that sealed it. */
    public record Sealed(byte[] cipher, int version) {
    }

    private final Map<Integer, AesGcm> keys;
    private final int current;

    private KeyRing(Map<Integer, AesGcm> keys, int current) {
        this.keys = keys;
        this.current = current;
    }

    /** Keys by version (base64 of 32 bytes each); {@code setting} names the configuration in errors. */
    public static KeyRing of(Map<Integer, String> base64Keys, int current, String setting) {
        Map<Integer, AesGcm> keys = new TreeMap<>();
        base64Keys.forEach((version, key) -> keys.put(version, AesGcm.fromBase64(key, setting + " version " + version)));
        if (!keys.containsKey(current)) {
            throw new IllegalStateException(setting + ": the current key version " + current + " has no key");
        }
        return new KeyRing(keys, current);
    }

    public int currentVersion() {
        return current;
    }

    public Sealed seal(byte[] plain, byte[] aad) {
        return new Sealed(keys.get(current).encrypt(plain, aad), current);
    }

    /** Opens a value sealed under {@code version} (null: before key versions, key 1 without associated data). */
    public byte[] open(byte[] sealed, Integer version, byte[] aad) {
        if (version == null) {
            return key(1).decrypt(sealed);
        }
        return key(version).decrypt(sealed, aad);
    }

    private AesGcm key(int version) {
        AesGcm key = keys.get(version);
        if (key == null) {
            throw new IllegalStateException("key version " + version + " is not configured (retired too early?)");
        }
        return key;
    }
}
