package org.clinicflow.tracking.uscis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One question to USCIS about one receipt, answered as what the poller must do next: a status,
 * a receipt USCIS does not know (404), slow down (429, with USCIS's Retry-After when given), or
 * try later (5xx, unreachable). A 401 renews the token and asks once more; a second 401 means the
 * credentials are wrong. Tested against the stand-in by {@code TrackerTest}.
 */
@ApplicationScoped
public class StatusLookup {

    /** What USCIS answered. */
    public sealed interface Answer {
    }

    public record Found(UscisApi.CaseStatus status) implements Answer {
    }

    public record NotFound() implements Answer {
    }

    public record SlowDown(Optional<Duration> retryAfter) implements Answer {
    }

    public record Unavailable(String reason) implements Answer {
    }

    public record Unauthorized() implements Answer {
    }

    private final UscisApi api;
    private final AccessTokens tokens;

    StatusLookup(@RestClient UscisApi api, AccessTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /**
     * Asks once; after a 401, renews the token and asks again if {@code anotherCall} grants one
     * more call from the quota (it counts it).
     */
    public Answer ask(String receiptNumber, BooleanSupplier anotherCall) {
        try {
            return ask(receiptNumber);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 401) {
                return classify(e);
            }
        } catch (ProcessingException e) {
            return new Unavailable("unreachable");
        }
        try {
            tokens.renew();
            if (!anotherCall.getAsBoolean()) {
                return new Unavailable("quota");
            }
            return ask(receiptNumber);
        } catch (WebApplicationException e) {
            return e.getResponse().getStatus() == 401 ? new Unauthorized() : classify(e);
        } catch (ProcessingException e) {
            return new Unavailable("unreachable");
        }
    }

    private Answer ask(String receiptNumber) {
        return new Found(api.caseStatus(receiptNumber, tokens.bearer()));
    }

    private static Answer classify(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return new NotFound();
        }
        if (status == 429) {
            return new SlowDown(retryAfter(e.getResponse().getHeaderString("Retry-After")));
        }
        if (status == 401 || status == 403) {
            return new Unauthorized();
        }
        return new Unavailable(String.valueOf(status));
    }

    private static Optional<Duration> retryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
