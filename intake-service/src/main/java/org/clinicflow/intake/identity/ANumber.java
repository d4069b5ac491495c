package org.clinicflow.intake.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Alien Registration Number: "A" and 7 to 9 digits, kept as 9 digits. Sensitive on its own:
 * {@link #toString()} and {@link #masked()} show only the last four digits; the full value
 * leaves this class only to be encrypted ({@link ANumberProtector}) or revealed to a supervisor.
 */
public final class ANumber {

    private static final Pattern FORM = Pattern.compile("[Aa]?(\\d{7,9})");
    private final String digits;

    private ANumber(String digits) {
        this.digits = digits;
    }

    /** Parses "A012345678", "a-123 456 789", "12345678"...; empty when it is not an A-number. */
    public static Optional<ANumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(input.replaceAll("[\\s-]", ""));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(1);
        return Optional.of(new ANumber("0".repeat(9 - digits.length()) + digits));
    }

    /** The nine normalized digits. Handle with care. */
    public String digits() {
        return digits;
    }

    public String lastFour() {
        return digits.substring(5);
    }

    /** How every response and log line shows it: {@code A-•••••1234}. */
    public String masked() {
        return mask(lastFour());
    }

    public static String mask(String lastFour) {
        return "A-•••••" + lastFour;
    }

    /** Revealed form, for a supervisor's audited reveal only. */
    public String formatted() {
        return "A" + digits;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ANumber a && a.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }
}
