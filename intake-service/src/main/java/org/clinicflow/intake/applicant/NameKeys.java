package org.clinicflow.intake.applicant;

import java.text.Normalizer;
import java.util.Locale;

/** Search keys for names: lower-case, accents removed, spaces folded ("José  Pérez" → "jose perez"). */
public final class NameKeys {

    private NameKeys() {
    }

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
