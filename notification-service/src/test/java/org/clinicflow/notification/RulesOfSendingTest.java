package org.clinicflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicflow.events.notification.ReplyIntent;
import org.clinicflow.notification.message.QuietHours;
import org.clinicflow.notification.message.TokenBucketProbe;
import org.clinicflow.notification.webhook.ReplyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours in the site's time zone, the sender's token bucket, and reading replies in every language. */
class RulesOfSendingTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @ParameterizedTest
    @CsvSource({ "2026-12-03T12:00, 2026-12-03T12:00", "2026-12-03T20:59, 2026-12-03T20:59", "2026-12-03T21:00, 2026-12-04T08:00",
            "2026-12-03T23:30, 2026-12-04T08:00", "2026-12-04T03:00, 2026-12-04T08:00", "2026-12-04T08:00, 2026-12-04T08:00" })
    void noSmsBetweenNineAtNightAndEightInTheMorning(String localDue, String localAllowed) {
        Instant due = ZonedDateTime.of(java.time.LocalDateTime.parse(localDue), CHICAGO).toInstant();
        Instant allowed = ZonedDateTime.of(java.time.LocalDateTime.parse(localAllowed), CHICAGO).toInstant();
        assertEquals(allowed, QuietHours.nextAllowed(due, CHICAGO));
    }

    @Test
    void quietHoursFollowDaylightSavingTime() {
        // 2027-03-14 is the spring-forward night in Chicago: 08:00 is still 08:00 local.
        Instant due = ZonedDateTime.of(2027, 3, 13, 22, 0, 0, 0, CHICAGO).toInstant();
        assertEquals(ZonedDateTime.of(2027, 3, 14, 8, 0, 0, 0, CHICAGO).toInstant(), QuietHours.nextAllowed(due, CHICAGO));
    }

    @Test
    void theTokenBucketAllowsABurstThenTheRate() {
        AtomicLong clock = new AtomicLong();
        TokenBucketProbe bucket = new TokenBucketProbe(2, 5, clock::get);
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryTake(1), "burst of five");
        }
        assertFalse(bucket.tryTake(1), "empty after the burst");
        clock.addAndGet(500_000_000L); // half a second: one token at 2 a second
        assertTrue(bucket.tryTake(1));
        assertFalse(bucket.tryTake(1));
        clock.addAndGet(10_000_000_000L); // ten seconds refill only up to the burst
        assertTrue(bucket.tryTake(5));
        assertFalse(bucket.tryTake(1));
        assertFalse(bucket.tryTake(6), "a message longer than the burst never fits in one go");
    }

    @ParameterizedTest
    @CsvSource({ "STOP, OPT_OUT", "stop , OPT_OUT", "Alto, OPT_OUT", "ARRÊT, OPT_OUT", "arret, OPT_OUT", "Pare, OPT_OUT",
            "sispann, OPT_OUT", "UNSUBSCRIBE, OPT_OUT", "CANCEL, OPT_OUT", "START, OPT_IN", "help, HELP", "Ayuda, HELP",
            "C, INTENT", "c, INTENT", "Confirmar, INTENT", "R, INTENT", "X, INTENT", "'Hola, necesito ayuda con mi cita', OTHER" })
    void repliesAreReadInEveryLanguage(String body, ReplyParser.Kind kind) {
        assertEquals(kind, ReplyParser.read(body).kind(), body);
    }

    @ParameterizedTest
    @CsvSource({ "C, CONFIRM", "konfime, CONFIRM", "oui, CONFIRM", "R, RESCHEDULE", "cambiar, RESCHEDULE", "chanje, RESCHEDULE",
            "X, CANCEL", "anuler, OTHER", "annuler, CANCEL", "anile, CANCEL", "cancelar, CANCEL" })
    void intentsInEveryLanguage(String body, String intent) {
        ReplyParser.Reading reading = ReplyParser.read(body);
        if ("OTHER".equals(intent)) {
            assertEquals(ReplyParser.Kind.OTHER, reading.kind());
        } else {
            assertEquals(ReplyIntent.valueOf(intent), reading.intent(), body);
        }
    }
}
