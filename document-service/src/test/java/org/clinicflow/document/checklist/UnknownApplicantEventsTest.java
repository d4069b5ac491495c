package org.clinicflow.document.checklist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.document.IntakeEventsForTests;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * document-service's consumer has no prerequisite to wait for: intake's applicant events each
 * carry every fact a checklist needs. An update or a withdrawal for an applicant it never heard
 * of (the registration lost on a dead-letter topic, a replay) is applied as it stands, parks
 * nothing and holds nobody up: the 50 applicants after it get their checklists. A caseworker's
 * check for an applicant without a checklist is a 404 naming applicantId.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "document"))
@WithTestResource(OidcWiremockTestResource.class)
class UnknownApplicantEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsForApplicantsNeverRegisteredHereHoldNobodyUp() throws Exception {
        UUID updatedOnly = UUID.randomUUID();
        IntakeEventsForTests.send(IntakeEventsForTests.UPDATED, updatedOnly, Map.of("category", "c11"));
        UUID withdrawnOnly = UUID.randomUUID();
        IntakeEventsForTests.send("clinic.intake.applicant-withdrawn.v1", withdrawnOnly, Map.of());
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(IntakeEventsForTests.register(Map.of("category", "c11")));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(id -> given().auth()
                .oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + id + "/checklist").statusCode() == 200));
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + updatedOnly + "/checklist").then()
                .statusCode(200).body("category", equalTo("c11"));
        given().auth().oauth2(TestTokens.supervisor()).contentType("application/json").body(Map.of("status", "verified"))
                .when().put("/api/applicants/" + withdrawnOnly + "/documents/travel-document").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("applicantId"));
        assertEquals(0, parked(), "nothing waits in document-service");
    }

    private long parked() {
        return Rows.count(dataSource, "SELECT count(*) FROM parked_event");
    }
}
