package org.clinicflow.intake.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A-numbers: the forms people write, nine-digit normalization, masking, encryption and fingerprints. */
class ANumberTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({ "A123456789,123456789", "a-123 456 789,123456789", "A1234567,001234567", "12345678,012345678" })
    void normalizesToNineDigits(String input, String digits) {
        assertEquals(digits, ANumber.parse(input).orElseThrow().digits());
    }

    @ParameterizedTest
    @ValueSource(strings = { "A123456", "A1234567890", "B12345678", "A12345678X", "", "A-" })
    void refusesWhatIsNotAnANumber(String input) {
        assertTrue(ANumber.parse(input).isEmpty());
    }

    @Test
    void showsOnlyTheLastFourDigits() {
        ANumber aNumber = ANumber.parse("A123456789").orElseThrow();
        assertEquals("A-•••••6789", aNumber.masked());
        assertEquals("A-•••••6789", aNumber.toString());
        assertFalse(String.valueOf(aNumber).contains("12345"));
    }

    @Test
    void encryptsWithAFreshNonceAndDecryptsWithTheSameKeyAndCaseOnly() {
        ANumberProtector protector = protector(KEY_A, KEY_B);
        ANumber aNumber = ANumber.parse("A123456789").orElseThrow();
        java.util.UUID applicant = java.util.UUID.randomUUID();
        byte[] first = protector.encrypt(aNumber, applicant).cipher();
        byte[] second = protector.encrypt(aNumber, applicant).cipher();
        assertNotEquals(Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(second));
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains("123456789"));
        assertEquals(aNumber, protector.decrypt(first, 1, applicant));
        assertThrows(org.clinicflow.web.problem.ProblemException.class, () -> protector(KEY_B, KEY_A).decrypt(first, 1, applicant));
        assertThrows(org.clinicflow.web.problem.ProblemException.class, () -> protector.decrypt(first, 1, java.util.UUID.randomUUID()),
                "another case's A-number does not open here");
    }

    private static ANumberProtector protector(String encryptionKey, String fingerprintKey) {
        return new ANumberProtector(org.clinicflow.web.crypto.KeyRing.of(java.util.Map.of(1, encryptionKey), 1, "test"), fingerprintKey);
    }

    @Test
    void fingerprintIsStableAndKeyed() {
        ANumber aNumber = ANumber.parse("A123456789").orElseThrow();
        assertEquals(protector(KEY_A, KEY_B).fingerprint(aNumber), protector(KEY_A, KEY_B).fingerprint(aNumber));
        assertNotEquals(protector(KEY_A, KEY_B).fingerprint(aNumber), protector(KEY_A, KEY_A).fingerprint(aNumber));
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThrows(IllegalStateException.class, () -> protector("c2hvcnQ=", KEY_B));
        assertThrows(IllegalStateException.class, () -> protector(KEY_A, "c2hvcnQ="));
    }

    @ParameterizedTest
    @CsvSource({ "(312) 555-0123,US,+13125550123", "312.555.0123,,+13125550123", "+52 55 1234 5678,US,+525512345678",
            "55 1234 5678,MX,+525512345678" })
    void phoneNumbersBecomeE164(String input, String region, String e164) {
        assertEquals(e164, PhoneNumbers.toE164(input, region).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = { "12", "555-0123", "not a phone" })
    void invalidPhoneNumbersAreRefused(String input) {
        assertTrue(PhoneNumbers.toE164(input, "US").isEmpty());
    }
}
