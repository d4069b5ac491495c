package org.clinicflow.system.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Turns the applicants' journeys (from {@link Ledger}) and the driver's start times into the
 * benchmark's figures: end-to-end and per-stage latency percentiles (HdrHistogram, in
 * milliseconds), throughput, and how many applicants got no booking SMS (lost) or more than one
 * (duplicated).
 */
public final class Figures {

    /** p50 / p95 / p99 / max in milliseconds, and how many values. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {
        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
        }

        private static double ms(long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }

    public static final Map<String, String> STAGES = stageNames();

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private long lost;
    private long duplicated;
    private Instant firstStart;
    private Instant lastSms;

    /**
     * @param starts when the driver meant to start each applicant (its clock, not the server's,
     *               so a slow driver or a queue in front of the services is counted)
     */
    public Figures(Map<UUID, Instant> starts, Collection<Ledger.Journey> journeys) {
        histograms.put("end-to-end", histogram());
        histograms.put("pipeline", histogram());
        STAGES.keySet().forEach(k -> histograms.put(k, histogram()));
        for (Ledger.Journey j : journeys) {
            Instant start = starts.get(j.applicant());
            if (j.bookingSms() == 0) {
                lost++;
                continue;
            }
            duplicated += j.bookingSms() - 1;
            firstStart = min(firstStart, start);
            lastSms = max(lastSms, j.smsAccepted());
            record("end-to-end", start, j.smsAccepted());
            if (j.registered() != null && j.checklistOpened() != null && j.verified() != null) {
                long pipeline = micros(j.registered(), j.checklistOpened()) + micros(j.verified(), j.smsAccepted());
                histograms.get("pipeline").recordValue(Math.max(0, pipeline));
            }
            record("register", start, j.registered());
            record("checklist", j.registered(), j.checklistOpened());
            record("caseworker", j.checklistOpened(), j.verified());
            record("booking", j.verified(), j.booked());
            record("queue", j.booked(), j.smsQueued());
            record("gateway", j.smsQueued(), j.smsAccepted());
        }
    }

    public Map<String, Percentiles> latencies() {
        Map<String, Percentiles> all = new LinkedHashMap<>();
        histograms.forEach((k, h) -> all.put(k, Percentiles.of(h)));
        return all;
    }

    public long lost() {
        return lost;
    }

    public long duplicated() {
        return duplicated;
    }

    /** Seconds from the first applicant's start to the last booking SMS accepted. */
    public double seconds() {
        return firstStart == null || lastSms == null ? 0 : Duration.between(firstStart, lastSms).toMillis() / 1000.0;
    }

    private void record(String stage, Instant from, Instant to) {
        if (from != null && to != null) {
            histograms.get(stage).recordValue(Math.max(0, micros(from, to)));
        }
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(2), 3);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static Map<String, String> stageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("register", "driver start -> applicant saved by intake (HTTP, includes any queue in the driver)");
        names.put("checklist", "applicant saved -> checklist opened by document-service (event hop)");
        names.put("caseworker", "checklist opened -> last document checked (the driver acting as caseworker)");
        names.put("booking", "last document checked -> appointment booked by scheduling-service (event hop)");
        names.put("queue", "appointment booked -> booking SMS queued by notification-service (event hop)");
        names.put("gateway", "SMS queued -> accepted by the SMS gateway (dispatcher, rate limit)");
        return names;
    }
}
