package org.clinicflow.system.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.SynchronizedHistogram;
import org.clinicflow.system.ClinicApi;
import org.clinicflow.system.LocalStack;

/**
 * What a caseworker's screen waits for once the cases are in: case reads
 * ({@code GET /api/applicants/{id}}) and name searches ({@code GET /api/applicants?q=}) on
 * intake, each offered at a fixed rate for a while. Latency is counted from when each request
 * was due, not when it left, so a stall shows in the figures instead of slowing the load
 * (no coordinated omission). Each kind is first offered for {@value #WARM_UP_SECONDS} s uncounted, as a
 * portal's connection pool and a service's compiled read path would be warm in a clinic's day: the first
 * run of this bench without it had three quarters of its slow requests in the first second (the client
 * opening its connections, intake compiling the endpoint). Run by {@link SurgeBench} after the surge,
 * over the cases it made.
 */
public final class ReadLoad {

    static final int WARM_UP_SECONDS = 5;

    /** One kind of request at one rate: how many, how many failed, and the latency percentiles in ms. */
    public record Result(String what, double perSecond, int cases, long requests, long failed, double p50, double p95, double p99,
            double max) {
    }

    private final LocalStack stack;
    private final ClinicApi api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ReadLoad(LocalStack stack, ClinicApi api) {
        this.stack = stack;
        this.api = api;
    }

    /** Case reads, then searches, each at {@code rate} per second for {@code seconds}, over {@code ids}. */
    public List<Result> measure(List<UUID> ids, int cases, double rate, int seconds) throws InterruptedException {
        Random random = new Random(42);
        Supplier<String> caseRead = () -> "/api/applicants/" + ids.get(random.nextInt(ids.size()));
        // Searches as the portal's live search sends them: the start of a family name (the bench's
        // applicants are "Surge Applicant<letters>": two letters after the prefix narrow it to a page).
        Supplier<String> nameSearch = () -> "/api/applicants?size=25&q="
                + URLEncoder.encode("surge applicant" + (char) ('a' + random.nextInt(6)) + (char) ('a' + random.nextInt(6)),
                        StandardCharsets.UTF_8);
        List<Result> results = new ArrayList<>();
        run("case read (warm-up, not counted)", rate, WARM_UP_SECONDS, cases, caseRead);
        results.add(run("case read", rate, seconds, cases, caseRead));
        run("name search (warm-up, not counted)", rate, WARM_UP_SECONDS, cases, nameSearch);
        results.add(run("name search", rate, seconds, cases, nameSearch));
        return results;
    }

    private Result run(String what, double rate, int seconds, int cases, Supplier<String> path) throws InterruptedException {
        SynchronizedHistogram latency = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicLong failed = new AtomicLong();
        int total = (int) (rate * seconds);
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        String base = "http://127.0.0.1:" + stack.servicePort("intake-service");
        // One token for the run (it lives 15 minutes, a run 20 s): renewing it from inside the loop
        // would stall the offered rate behind Keycloak's password check.
        String bearer = "Bearer " + api.bearer("supervisor");
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.get())).timeout(Duration.ofSeconds(30))
                    .header("Authorization", bearer).GET().build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Result result = new Result(what, rate, cases, total, failed.get(), latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        System.out.printf("    %s at %.0f/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d failed%n", what, rate, result.p50(),
                result.p99(), result.max(), result.failed(), result.requests());
        return result;
    }
}
