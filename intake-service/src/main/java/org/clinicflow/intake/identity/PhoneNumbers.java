package org.clinicflow.intake.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses phone numbers as people write them, against the applicant's region (default US), into
 * E.164 ({@code +13125550123}) with libphonenumber; a number that is not valid for its region
 * is refused rather than stored. Tested by {@code ApplicantResourceTest} (E.164 on save, bad numbers refused).
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "US";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static Optional<String> toE164(String input, String region) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String r = region == null || region.isBlank() ? DEFAULT_REGION : region.toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(input, r);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isKnownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }
}
