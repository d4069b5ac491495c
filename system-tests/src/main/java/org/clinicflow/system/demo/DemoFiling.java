package org.clinicflow.system.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.system.ClinicApi;
import org.clinicflow.system.LocalStack;

/**
 * The after-filing part of {@code ./clinic demo}: two applicants at the demo site are taken
 * through a whole visit over the services' APIs (documents checked, the I-765 answered, consent,
 * certifications, the filing and USCIS's receipt), so the tracker has cases to follow at the
 * stand-in for USCIS. Rosa's receipt goes received, approved, card mailed, delivered; Pierre moves
 * after filing (the AR-11 task) and his card comes back undelivered (a task, and the warning that
 * it was mailed after the move). Running it again finds them filed and says where they stand.
 * Exercised by hand on the local stack; the same steps are {@code ClinicJourneyTest}'s.
 */
public final class DemoFiling {

    private static final String SITE = "chicago-south";

    private final ClinicApi api;

    private DemoFiling(ClinicApi api) {
        this.api = api;
    }

    public static void main(String[] args) {
        int offset = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--offset")) {
                offset = Integer.parseInt(args[i + 1]);
            }
        }
        Path root = Path.of(System.getProperty("clinic.root", "."));
        DemoFiling demo = new DemoFiling(new ClinicApi(new LocalStack(root, root.resolve(".clinic"), offset)));
        demo.file("Rosa", "Medina", "es", "(312) 555-0116", '1', false);
        demo.file("Pierre", "Louis", "ht", "(312) 555-0117", '8', true);
    }

    private void file(String given, String family, String language, String phone, char receiptEnd, boolean movesAfter) {
        Map<String, Object> person = new HashMap<>(Map.of("givenName", given, "familyName", family, "dateOfBirth", "1991-03-08",
                "preferredLanguage", language, "phone", phone,
                "smsConsent", true, "siteId", SITE, "category", "c11"));
        person.put("countryOfCitizenship", "ht".equals(language) ? "HT" : "VE");
        person.put("paroleEndDate", LocalDate.now().plusMonths(9).toString());
        person.put("lastArrivalOn", LocalDate.now().minusDays(60).toString());
        ClinicApi.Answer registered = api.post("intake-service", "/api/applicants", "supervisor", person);
        String id;
        if (registered.status() == 201) {
            id = registered.body().path("id").asText();
        } else if (registered.status() == 409 && registered.body().has("existingApplicantId")) {
            id = registered.body().path("existingApplicantId").asText();
        } else {
            throw new IllegalStateException("registering " + given + " answered " + registered.status() + ": " + registered.body());
        }
        String applicant = "/api/applicants/" + id;
        JsonNode now = api.get("intake-service", applicant, "supervisor").body();
        if ("filed".equals(now.path("stage").asText())) {
            System.out.println("    " + given + " " + family + " was filed already; USCIS status: "
                    + now.path("uscisStatusTitle").asText("not asked yet"));
            return;
        }
        for (int attempt = 0; api.checkDocuments(UUID.fromString(id)) != ClinicApi.Check.VERIFIED; attempt++) {
            if (attempt > 60) {
                throw new IllegalStateException("the checklist of " + given + " never opened");
            }
            pause();
        }
        Map<String, Object> form = new HashMap<>();
        form.put("mailingAddress", Map.of("inCareOf", "Pacific Garden Mission", "street", "1458 S Canal St", "city", "Chicago",
                "state", "IL", "zipCode", "60607"));
        form.put("mailingIsPhysical", true);
        form.put("sex", "female");
        form.put("maritalStatus", "single");
        form.put("previouslyFiled", false);
        form.put("ssaCardIssued", false);
        form.put("wantsSsaCard", true);
        form.put("father", Map.of("familyName", family, "givenName", "Andrés"));
        form.put("mother", Map.of("familyName", "Castillo", "givenName", "Lucía"));
        form.put("placeOfBirth", Map.of("city", "ht".equals(language) ? "Port-au-Prince" : "Caracas",
                "country", "ht".equals(language) ? "HT" : "VE"));
        form.put("i94Number", String.format("%08dA1%c", Math.abs(id.hashCode()) % 100_000_000, receiptEnd));
        form.put("lastArrivalPlace", "Miami, FL");
        form.put("statusAtLastArrival", "Parolee");
        form.put("currentStatus", "Parolee");
        require(api.put("intake-service", applicant + "/form", "supervisor", form), "the form");
        require(api.post("intake-service", applicant + "/consents", "supervisor", Map.of("kind", "ssa-disclosure", "granted", true)),
                "the SSA consent");
        String languageName = "ht".equals(language) ? "Haitian Creole" : "Spanish";
        for (Map<String, Object> certification : List.<Map<String, Object>>of(
                Map.of("kind", "interpreter", "name", "Lucía Ramos", "organization", "Chicago Language Bank", "phone", "(312) 555-0142",
                        "language", languageName),
                Map.of("kind", "preparer", "name", "Dana Whitfield", "organization", "Clinic Flow Chicago", "phone", "(312) 555-0100"),
                Map.of("kind", "applicant-statement", "language", languageName, "viaInterpreter", true))) {
            require(api.post("intake-service", applicant + "/certifications", "supervisor", certification), "a certification");
        }
        LocalDate filedOn = LocalDate.now();
        require(api.post("intake-service", applicant + "/filing", "supervisor",
                Map.of("filedOn", filedOn.toString(), "method", "paper", "feeStatus", "paid")), "the filing");
        String receipt = String.format("IOE%09d%c", Math.abs(id.hashCode()) % 1_000_000_000, receiptEnd);
        require(api.post("intake-service", applicant + "/receipt", "supervisor", Map.of("receiptNumber", receipt)), "the receipt");
        if (movesAfter) {
            require(api.post("intake-service", applicant + "/addresses", "supervisor", Map.of("movedOn", LocalDate.now().toString(),
                    "address", Map.of("inCareOf", "Salvation Army Shelter", "street", "2120 S Michigan Ave", "city", "Chicago",
                            "state", "IL", "zipCode", "60616"))), "the move");
        }
        System.out.println("    " + given + " " + family + " filed, receipt " + receipt
                + (movesAfter ? "; moved after filing (AR-11 task on Needs attention)" : ""));
    }

    private static void require(ClinicApi.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered HTTP " + answer.status() + ": " + answer.body());
        }
    }

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
    }
}
