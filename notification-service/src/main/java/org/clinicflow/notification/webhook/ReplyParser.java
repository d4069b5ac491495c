package org.clinicflow.notification.webhook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.clinicflow.events.notification.ReplyIntent;

/**
 * Reads what an applicant texted back, in any supported language: opt-out keywords (the
 * carriers' STOP family and localized ones such as ALTO, ARRET, PARE, SISPANN), opt-in (START),
 * HELP, and the reply options of appointment messages (C confirm, R reschedule, X cancel, and
 * their words). Accents and case do not matter. Pure; tested by {@code RulesOfSendingTest}.
 */
public final class ReplyParser {

    /** What a reply asks for. */
    public enum Kind {
        OPT_OUT, OPT_IN, HELP, INTENT, OTHER
    }

    /** The reading of one reply; {@code intent} only for {@link Kind#INTENT}. */
    public record Reading(Kind kind, ReplyIntent intent) {
    }

    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
            "ALTO", "PARAR", "BAJA", "ARRET", "ARRETER", "PARE", "SAIR", "SISPANN", "KANPE");
    static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES", "INICIO", "COMENZAR", "DEMARRER", "COMECAR", "KOMANSE");
    static final Set<String> HELP = Set.of("HELP", "INFO", "AYUDA", "AIDE", "AJUDA", "ED");
    static final Set<String> CONFIRM = Set.of("C", "CONFIRM", "CONFIRMAR", "CONFIRMER", "KONFIME", "SI", "OUI", "WI", "SIM");
    static final Set<String> RESCHEDULE = Set.of("R", "RESCHEDULE", "CHANGE", "CAMBIAR", "CHANGER", "CHANJE", "MUDAR", "REPROGRAMAR");
    static final Set<String> CANCEL = Set.of("X", "CANCELAR", "ANNULER", "ANILE");

    private ReplyParser() {
    }

    public static Reading read(String body) {
        String word = normalize(body);
        if (OPT_OUT.contains(word)) {
            return new Reading(Kind.OPT_OUT, null);
        }
        if (OPT_IN.contains(word)) {
            return new Reading(Kind.OPT_IN, null);
        }
        if (HELP.contains(word)) {
            return new Reading(Kind.HELP, null);
        }
        if (CONFIRM.contains(word)) {
            return new Reading(Kind.INTENT, ReplyIntent.CONFIRM);
        }
        if (RESCHEDULE.contains(word)) {
            return new Reading(Kind.INTENT, ReplyIntent.RESCHEDULE);
        }
        if (CANCEL.contains(word)) {
            return new Reading(Kind.INTENT, ReplyIntent.CANCEL);
        }
        return new Reading(Kind.OTHER, null);
    }

    /** "  arrêt! " -> "ARRET": one word, capitals, no accents or punctuation. */
    static String normalize(String body) {
        if (body == null) {
            return "";
        }
        String plain = Normalizer.normalize(body.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }
}
