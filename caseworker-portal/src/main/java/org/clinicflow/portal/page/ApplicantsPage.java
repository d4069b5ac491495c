package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clinicflow.portal.api.ApplicantPage;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The applicant list: search by name, phone or A-number suffix with filters by stage, language
 * and category, 25 per page (intake pages in the database, so 100,000 cases cost what 25 do).
 * {@code /applicants/rows} answers only the table, which the page's script swaps in as the
 * caseworker types; without JavaScript the form submits and the whole page comes back.
 */
@Path("/applicants")
public class ApplicantsPage {

    static final int PAGE_SIZE = 25;

    private final Template applicants;
    private final Pages pages;
    private final IntakeApi intake;
    private final Viewer viewer;

    ApplicantsPage(Template applicants, Pages pages, @RestClient IntakeApi intake, Viewer viewer) {
        this.applicants = applicants;
        this.pages = pages;
        this.intake = intake;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("stage") String stage, @QueryParam("language") String language,
            @QueryParam("category") String category, @QueryParam("page") @DefaultValue("0") int page) {
        return data(pages.render(applicants), q, stage, language, category, page);
    }

    @GET
    @Path("/rows")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rows(@QueryParam("q") String q, @QueryParam("stage") String stage, @QueryParam("language") String language,
            @QueryParam("category") String category, @QueryParam("page") @DefaultValue("0") int page) {
        return data(pages.render(applicants.getFragment("rows")), q, stage, language, category, page);
    }

    private TemplateInstance data(TemplateInstance view, String q, String stage, String language, String category, int page) {
        int current = Math.max(0, page);
        Pages.Outcome<ApplicantPage> found = pages.call(() -> intake.search(blank(q), blank(stage), blank(language),
                blank(category), current, PAGE_SIZE));
        return view.data("q", q == null ? "" : q).data("stage", stage == null ? "" : stage).data("language", language == null ? "" : language)
                .data("category", category == null ? "" : category).data("page", current).data("found", found)
                .data("show", pages.legibleAt(viewer.site()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
