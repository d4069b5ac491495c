package org.clinicflow.portal.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.PolicyAction;
import org.clinicflow.portal.api.RulePreview;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The rule book, for supervisors: every row with its dates, amounts and source; a new row
 * (pasted as JSON, prefilled with next year's fee row to edit: it goes to intake as the JSON the
 * supervisor wrote, so intake's own validation answers for every field) previewed against the open cases
 * before it is added; and, for a rule, its affected cases and a hold or lift over all of them,
 * whose progress page refreshes itself until the action is done. Tested by
 * {@code PortalBrowserTest} in system-tests.
 */
@Path("/rules")
@RolesAllowed("supervisor")
public class RulesPage {

    private final Template rules;
    private final Template policyAction;
    private final Pages pages;
    private final IntakeApi intake;
    private final ObjectMapper json;

    RulesPage(Template rules, @io.quarkus.qute.Location("policy-action") Template policyAction, Pages pages,
            @RestClient IntakeApi intake, ObjectMapper json) {
        this.rules = rules;
        this.policyAction = policyAction;
        this.pages = pages;
        this.intake = intake;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("note") String note) {
        return page(note, template(), null);
    }

    /** Preview or add the row in the form's {@code rule} field (JSON), as the pressed button says. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(MultivaluedMap<String, String> form) {
        String text = form.getFirst("rule") == null ? "" : form.getFirst("rule");
        Map<String, Object> rule;
        try {
            rule = json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return Response.status(400).entity(page("The rule is not valid JSON: check its quotes and commas.", text, null)).build();
        }
        if ("add".equals(form.getFirst("action"))) {
            Pages.Outcome<Map<String, Object>> added = pages.call(() -> intake.addRule(rule)); // the row as intake stored it
            return added.ok() ? Pages.back("/rules", "added " + rule.get("id"))
                    : Response.status(added.status()).entity(page(failure(added), text, null)).build();
        }
        Pages.Outcome<RulePreview> preview = pages.call(() -> intake.previewRule(rule));
        return Response.status(preview.ok() ? 200 : preview.status())
                .entity(page(preview.ok() ? null : failure(preview), text, preview.ok() ? preview.value() : null)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rule(@PathParam("id") String id, @QueryParam("note") String note) {
        Pages.Outcome<List<PolicyAction>> actions = pages.call(() -> intake.actionsOf(id));
        boolean running = actions.ok() && actions.value().stream().anyMatch(PolicyAction::running);
        return pages.render(policyAction).data("ruleId", id).data("note", note).data("show", pages.legibleAt(null))
                .data("affected", pages.call(() -> intake.affectedCases(id)))
                .data("actions", actions).data("running", running);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PolicyAction.Request action = new PolicyAction.Request(form.getFirst("action"), form.getFirst("reason"));
        Pages.Outcome<PolicyAction> started = pages.call(() -> intake.act(id, action));
        return Pages.back("/rules/" + id, started.ok() ? "started" : failure(started));
    }

    private TemplateInstance page(String note, String draft, RulePreview preview) {
        return pages.render(rules).data("note", note).data("draft", draft).data("preview", preview)
                .data("book", pages.call(intake::rules));
    }

    private static String failure(Pages.Outcome<?> outcome) {
        return outcome.message() + (outcome.fieldErrors().isEmpty() ? "" : ": " + outcome.fieldErrors());
    }

    /** A fee row to start from: next fiscal year's, to be corrected against the Federal Register notice. */
    private static String template() {
        int year = LocalDate.now().getYear() + 1;
        return """
                {
                  "id": "ead-statutory-fee-fy%d-initial",
                  "kind": "fee",
                  "supersedes": "ead-statutory-fee-fy%d-initial",
                  "categories": ["a12", "c8", "c11", "c19"],
                  "filings": ["initial"],
                  "effectiveFrom": "%d-01-01",
                  "paperUsd": 0,
                  "onlineUsd": 0,
                  "waivable": false,
                  "description": "Statutory EAD fee (initial), FY%d",
                  "source": "Federal Register notice (FR Doc number, publication date): amount, postmark date"
                }""".formatted(year, year - 1, year, year);
    }
}
