package org.clinicflow.notification.template;

/**
 * Counts SMS parts as carriers bill them: text entirely in the GSM-7 alphabet is 160
 * characters in one part or 153 per part when split (characters of the extension table,
 * such as {@code €} or {@code [}, take two); anything else is sent as UCS-2, 70 UTF-16 units in
 * one part or 67 per part. Spanish accents like á and Haitian Creole's ò push a text to UCS-2.
 * Tested by {@code SmsTemplatesTest}.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    /** Whether the text can go as GSM-7. */
    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** How many parts the text is sent (and billed) as. */
    public static int count(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
