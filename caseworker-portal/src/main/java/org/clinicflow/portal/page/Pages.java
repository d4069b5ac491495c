package org.clinicflow.portal.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.clinicflow.portal.format.Legible;
import org.clinicflow.portal.format.Names;
import org.clinicflow.portal.format.SiteZones;
import org.clinicflow.portal.api.SchedulingApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.clinicflow.portal.i18n.Locales;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every page shares: the template rendered in the user's language with the viewer (for the
 * menu and role-dependent actions), and the services' answers turned into something a person
 * can act on. A service's problem+json becomes a message and field-level errors next to the
 * form's inputs; a service that does not answer becomes "try again", never a stack trace.
 * {@link #start} begins a call on {@link ServiceCalls}' threads, which carry the request's context
 * and the user's token, so a page asks its services in parallel and waits for the slowest only.
 */
@RequestScoped
public class Pages {

    /** A service call's outcome: the value, or what went wrong in words and per field. */
    @io.quarkus.qute.TemplateData
    public record Outcome<T>(T value, int status, String message, Map<String, String> fieldErrors, Map<String, Object> problem) {
        public boolean ok() {
            return status == 0;
        }

        /** A value in hand: the outcome of a call that went through (or need not be made). */
        public static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, 0, null, Map.of(), Map.of());
        }

        /** This failure, told next to one field of the page's form. */
        public <U> Outcome<U> at(String field) {
            return new Outcome<>(null, status, message, Map.of(field, String.valueOf(message)), Map.of());
        }
    }

    /** A call under way; {@link #get} waits for its outcome. */
    public static final class Pending<T> {
        private final CompletableFuture<Outcome<T>> future;

        private Pending(CompletableFuture<Outcome<T>> future) {
            this.future = future;
        }

        public Outcome<T> get() {
            return future.join();
        }
    }

    private final Viewer viewer;
    private final Locales locales;
    private final boolean devInbox;
    private final ServiceCalls executor;
    private final SiteZones zones;
    private final SchedulingApi scheduling;

    Pages(Viewer viewer, Locales locales, @ConfigProperty(name = "clinic.portal.dev-inbox") boolean devInbox, ServiceCalls executor,
            SiteZones zones, @RestClient SchedulingApi scheduling) {
        this.zones = zones;
        this.scheduling = scheduling;
        this.viewer = viewer;
        this.locales = locales;
        this.devInbox = devInbox;
        this.executor = executor;
    }

    /** Starts a service call now, beside the page's others; {@link #call}'s rules apply to its outcome. */
    public <T> Pending<T> start(Supplier<T> call) {
        return new Pending<>(executor.start(() -> call(call)));
    }

    /** An outcome that is already known (a call the page need not make). */
    public static <T> Pending<T> known(Outcome<T> outcome) {
        return new Pending<>(CompletableFuture.completedFuture(outcome));
    }

    public TemplateInstance render(Template template) {
        TemplateInstance page = template.data("viewer", viewer).data("devInbox", devInbox)
                .data("lang", locales.current().getLanguage()).data("names", names());
        page.setLocale(locales.current());
        return page;
    }

    /** Dates and times in this zone and the viewer's language. */
    public Legible legible(ZoneId zone) {
        return new Legible(zone, locales.current(), Clock.systemUTC());
    }

    /** Dates and times at a site (its zone from {@link SiteZones}; the clinic's zone for none) in the viewer's language. */
    public Legible legibleAt(String siteId) {
        return legible(zones.of(siteId, scheduling::sites));
    }

    /** Categories, languages and countries by name in the viewer's language. */
    public Names names() {
        return new Names(locales.current());
    }

    /** Calls a service; a 4xx or 5xx answer or no answer at all becomes an {@link Outcome} with the reason. */
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> call(Supplier<T> call) {
        try {
            return Outcome.of(call.get());
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            Map<String, Object> problem = Map.of();
            try {
                problem = response.readEntity(Map.class);
            } catch (RuntimeException unreadable) {
                // not problem+json: the status alone says enough
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Object errors = problem.get("errors");
            if (errors instanceof List<?> list) {
                for (Object error : list) {
                    if (error instanceof Map<?, ?> m) {
                        fields.put(String.valueOf(m.get("field")), String.valueOf(m.get("message")));
                    }
                }
            }
            Object detail = problem.get("detail");
            return new Outcome<>(null, response.getStatus(), detail == null ? "HTTP " + response.getStatus() : detail.toString(),
                    fields, problem);
        } catch (ProcessingException e) {
            return new Outcome<>(null, 503, null, Map.of(), Map.of()); // the template says "try again"
        }
    }

    /** A call whose answer the page does not show: only whether it went through, and why not. */
    public Outcome<Void> run(Runnable call) {
        return call(() -> {
            call.run();
            return null;
        });
    }

    /** Post/redirect/get: back to {@code path} with a short note for the next page. */
    public static Response back(String path, String note) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path + (note == null ? "" : separator + "note=" + java.net.URLEncoder.encode(note,
                java.nio.charset.StandardCharsets.UTF_8)))).build();
    }
}
