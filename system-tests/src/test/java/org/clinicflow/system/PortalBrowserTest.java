package org.clinicflow.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The caseworker portal in a real headless Chromium (Debian's, driven by its chromedriver)
 * against the real stack: Keycloak's login page, the four services, Kafka and PostgreSQL. A
 * caseworker signs in, registers an applicant (an inline error first, the eligibility shown
 * before saving), verifies the documents, sees the booking and the SMS in the local inbox,
 * reschedules and checks the applicant in; a caseworker sees no supervisor action and is refused
 * the admin screen; a supervisor reveals an A-number; an admin manages capacity, in Spanish; a
 * signed-out visitor lands on the login. Issue 20's walk: a country and a family member chosen by
 * name, categories and languages by name and times in the site's zone, a scan uploaded through
 * the camera input and opened, the receipt entered on the case page, the day sheet, check-in by
 * keyboard with the focus back on the row, an SMS opt-out shown beside the phone; axe-core runs
 * on every page and finds no serious or critical violation.
 * Screenshots of the main screens go to {@code target/screenshots}.
 */
class PortalBrowserTest {

    private static final LocalStack STACK = new LocalStack();
    private static final String PORTAL = "http://127.0.0.1:" + (8080 + LocalStack.PORT_OFFSET);
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final ClinicApi API = new ClinicApi(STACK);
    private static final String AXE = axeSource();
    private WebDriver browser;

    @BeforeAll
    static void stackWithTheCaseworkersSiteOpen() throws Exception {
        assertEquals(0, STACK.clinic("up", "-d"), () -> "./clinic up -d failed:\n" + STACK.output("up"));
        Files.createDirectories(SHOTS);
        // The demo caseworker works at chicago-south: open it (in a zone where it is afternoon, so
        // no SMS waits for quiet hours) with a session tomorrow, unless an earlier run did.
        String zone = ClinicApi.afternoonZone();
        ClinicApi.Answer site = API.post("scheduling-service", "/api/sites", "admin",
                Map.of("id", "chicago-south", "name", "South Loop Clinic", "address", "1 Example Plaza", "timeZone", zone));
        if (site.status() == 201) {
            API.post("scheduling-service", "/api/sites/chicago-south/sessions", "admin", Map.of("date",
                    LocalDate.now(java.time.ZoneId.of(zone)).plusDays(1).toString(), "start", "09:00", "end", "17:00", "slotMinutes", 30,
                    "stations", 4, "languages", List.of("es", "en")));
        }
    }

    @AfterAll
    static void down() throws Exception {
        assertEquals(0, STACK.clinic("down"));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSignedOutVisitorIsSentToTheLoginPage() {
        browser = chromium();
        browser.get(PORTAL + "/applicants");
        assertTrue(browser.getCurrentUrl().startsWith("http://127.0.0.1:" + LocalStack.KEYCLOAK_PORT + "/realms/clinic/"),
                browser.getCurrentUrl());
        assertFalse(browser.findElements(By.id("username")).isEmpty(), "Keycloak's login form");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndSigningOutIsAPost() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(PORTAL + "/portal.css")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));

        browser = chromium();
        signIn("caseworker");
        assertTrue(browser.findElements(By.cssSelector("a[href='/logout']")).isEmpty(), "no sign-out link another page could follow");
        browser.get(PORTAL + "/logout"); // what a link or an image on another site would do
        browser.get(PORTAL + "/applicants");
        assertTrue(browser.findElements(By.id("username")).isEmpty() && text(By.cssSelector("[data-testid=user]")).startsWith("caseworker"),
                "a GET of /logout signs nobody out");
        click(By.cssSelector("[data-testid=logout]"));
        await("signed out, at the login page", b -> b.getCurrentUrl().startsWith("http://127.0.0.1:" + LocalStack.KEYCLOAK_PORT)
                && !b.findElements(By.id("username")).isEmpty());
        browser.get(PORTAL + "/applicants");
        assertFalse(browser.findElements(By.id("username")).isEmpty(), "the session is gone: the portal asks to sign in again");
    }

    @Test
    void aCaseworkerRunsAnApplicantThroughTheDay() throws Exception {
        browser = chromium();
        signIn("caseworker");
        String phone = "+1312" + (5550000 + (int) (Math.random() * 9999));
        String familyName = "Portal" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        // Her sister registered last week: Ana joins her household by choosing her name.
        assertEquals(201, API.post("intake-service", "/api/applicants", "caseworker", Map.of("givenName", "Sofía", "familyName",
                familyName, "dateOfBirth", "1994-07-08", "countryOfCitizenship", "VE", "preferredLanguage", "es", "smsConsent", false,
                "siteId", "chicago-south", "category", "c11", "paroleEndDate", LocalDate.now().plusYears(1).toString())).status());

        browser.get(PORTAL + "/register");
        accessible("register");
        assertFalse(browser.findElement(By.id("smsConsent")).isSelected(), "consent to SMS starts unticked: the applicant gives it");
        click(By.id("smsConsent"));
        fill("givenName", "Ana");
        setDate("dateOfBirth", "1991-03-04");
        new Select(browser.findElement(By.id("countryOfCitizenship"))).selectByVisibleText("Venezuela");
        fill("phone", phone);
        setDate("paroleEndDate", LocalDate.now().plusYears(1).toString());
        click(By.cssSelector("button[value=save]"));
        await("intake's field error next to the field", b -> "true".equals(b.findElement(By.id("familyName")).getAttribute("aria-invalid")));
        assertEquals("Ana", browser.findElement(By.id("givenName")).getAttribute("value"), "what was typed is kept");

        fill("familyName", familyName);
        fill("familyQuery", "sof " + familyName);
        click(By.cssSelector("[data-testid=find-family]"));
        await("her sister found by name", b -> !b.findElements(By.cssSelector("[data-testid=family-choice]")).isEmpty());
        assertTrue(text(By.cssSelector("[data-testid=household-chooser]")).contains("Sofía " + familyName));
        click(By.cssSelector("[data-testid=family-choice]"));
        click(By.cssSelector("button[value=check]"));
        await("the eligibility, before saving", b -> !b.findElements(By.cssSelector("[data-testid=eligibility]")).isEmpty());
        assertTrue(text(By.cssSelector("[data-testid=eligibility]")).contains("Parolee (c)(11)"), "eligibility shown before saving");
        accessible("register with eligibility");
        shot("register");
        click(By.cssSelector("button[value=save]"));
        await("the case page", b -> b.getCurrentUrl().matches(".*/applicants/[0-9a-f-]{36}.*"));
        String caseUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        String applicantId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        assertEquals("Parolee (c)(11)", text(By.cssSelector("[data-testid=category]")), "categories by name");
        assertEquals("Español", text(By.cssSelector("[data-testid=language]")), "languages by their own name");
        assertTrue(text(By.cssSelector("[data-testid=household]")).contains("Sofía " + familyName), "the household as the family's names");
        awaitReloading("SMS reachability beside the phone", caseUrl,
                b -> b.findElement(By.cssSelector("[data-testid=sms-state]")).getText().contains("Gets SMS"));

        assertEquals("$1080", text(By.cssSelector("[data-testid=fee-owed]")),
                "a parolee's initial paper filing: $520 base fee + $560 FY2026 statutory fee (FR Doc 2025-20622)");
        assertEquals(2, browser.findElements(By.cssSelector("[data-testid=fee-line]")).size(), "each fee line with its rule");
        awaitReloading("the checklist", caseUrl, b -> !b.findElements(By.cssSelector("[data-testid=doc-row]")).isEmpty());
        verifyEveryRequiredDocument(caseUrl);
        awaitReloading("the booking", caseUrl, b -> !b.findElements(By.cssSelector("[data-testid=appointment-status]")).isEmpty());
        assertEquals("booked", browser.findElement(By.cssSelector("[data-testid=appointment-status]")).getAttribute("data-status"));
        String bookedAt = text(By.cssSelector("[data-testid=appointment]"));
        assertTrue(bookedAt.matches("(?s)\\w{3}, \\w{3} \\d{1,2}, \\d{1,2}:\\d{2} [AP]M.*"), "the site's local time, legible: " + bookedAt);
        uploadAndOpenAScan(caseUrl);
        accessible("case");
        fullPageShot("case");
        onATablet("case-tablet");

        awaitReloading("the booking SMS in the local inbox", PORTAL + "/inbox?to=" + phone.replace("+", "%2B"),
                b -> !b.findElements(By.cssSelector("[data-testid=inbox-row]")).isEmpty());
        assertTrue(text(By.cssSelector("[data-testid=inbox-row]")).contains("South Loop Clinic"));
        accessible("inbox");
        shot("inbox");

        browser.get(caseUrl);
        Select slots = new Select(browser.findElement(By.cssSelector("[data-testid=slot-choice]")));
        slots.selectByIndex(0); // her own time is not offered
        submit(By.cssSelector("[data-testid=reschedule]"), "done");
        awaitReloading("the new time", caseUrl, b -> !b.findElement(By.cssSelector("[data-testid=appointment]")).getText()
                .equals(bookedAt));
        String movedTo = text(By.cssSelector("[data-testid=appointment]"));
        assertNotEquals(bookedAt, movedTo);

        String day = browser.findElement(By.cssSelector("[data-testid=appointment]")).getAttribute("data-date");
        browser.get(PORTAL + "/today?date=" + day);
        WebElement row = browser.findElements(By.cssSelector("[data-testid=queue-row]")).stream()
                .filter(r -> r.getText().contains(familyName)).findFirst().orElseThrow();
        accessible("today");
        shot("today");
        browser.get(PORTAL + "/today/sheet?date=" + day);
        assertTrue(browser.findElements(By.cssSelector("[data-testid=sheet-row]")).stream().anyMatch(r -> r.getText().contains(familyName)),
                "the day sheet lists her");
        accessible("day sheet");
        shot("day-sheet");
        // Keyboard only: Enter on her check-in button; the page comes back focused on her row.
        browser.get(PORTAL + "/today?date=" + day);
        row = browser.findElement(By.id("row-" + applicantId));
        row.findElement(By.cssSelector("[data-testid=check-in]")).sendKeys(Keys.ENTER);
        await("back on her row, focused", b -> ("row-" + applicantId).equals(((JavascriptExecutor) b)
                .executeScript("return document.activeElement && document.activeElement.id")));
        assertEquals("Checked in", browser.findElement(By.id("row-" + applicantId)).findElement(By.cssSelector("[data-testid=queue-status]"))
                .getText(), "checked in by keyboard");
        awaitReloading("checked in", caseUrl, b -> "checked_in".equals(b.findElement(By.cssSelector("[data-testid=appointment-status]"))
                .getAttribute("data-status")));

        browser.get(PORTAL + "/applicants?q=" + familyName);
        await("search results", b -> !b.findElements(By.cssSelector("[data-testid=applicant-row]")).isEmpty());
        accessible("applicants");
        shot("applicants");

        fileAtTheTable(caseUrl, phone);
    }

    /**
     * Issue 15 at the table: the filing step from the case page, an error shown next to its
     * field with what was typed kept, the certifications, the meter at complete, the packet
     * (a PDF), the filing and the receipt, and the receipt texted to the applicant.
     */
    private void fileAtTheTable(String caseUrl, String phone) throws Exception {
        browser.get(caseUrl);
        click(By.cssSelector("[data-testid=open-filing]"));
        await("the filing step", b -> !b.findElements(By.cssSelector("[data-testid=completeness]")).isEmpty());
        String filingUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        accessible("filing");
        assertTrue(text(By.cssSelector("[data-testid=missing]")).contains("Part 2, Item 21.a"), "the I-94 is missing at first");
        setDate("lastArrivalOn", LocalDate.now().minusDays(60).toString());
        click(By.cssSelector("[data-testid=save-arrival]"));
        await("Item 22 saved on the case", b -> b.getCurrentUrl().contains("note=saved"));

        fill("mailingAddress.inCareOf", "Pacific Garden Mission");
        fill("mailingAddress.street", "1458 S Canal St");
        fill("mailingAddress.city", "Chicago");
        fill("mailingAddress.state", "IL");
        fill("mailingAddress.zipCode", "6060");
        for (String[] choice : new String[][] { { "mailingIsPhysical", "yes" }, { "sex", "female" }, { "maritalStatus", "single" },
                { "previouslyFiled", "no" }, { "ssaCardIssued", "no" }, { "wantsSsaCard", "no" } }) {
            new Select(browser.findElement(By.id(choice[0]))).selectByValue(choice[1]);
        }
        fill("placeOfBirth.city", "Caracas");
        fill("placeOfBirth.country", "VE");
        fill("i94Number", "12345678A01");
        fill("lastArrivalPlace", "Chicago O'Hare");
        fill("statusAtLastArrival", "Parolee");
        fill("currentStatus", "Parolee");
        click(By.cssSelector("[data-testid=save-form]"));
        await("the ZIP code's error next to it", b -> !b.findElements(By.id("mailingAddress.zipCode-error")).isEmpty());
        assertEquals("1458 S Canal St", browser.findElement(By.id("mailingAddress.street")).getAttribute("value"), "what was typed is kept");
        shot("filing-error");
        fill("mailingAddress.zipCode", "60607");
        click(By.cssSelector("[data-testid=save-form]"));
        await("answers saved", b -> b.getCurrentUrl().contains("note=saved"));
        assertTrue(browser.findElement(By.id("i94Number")).getAttribute("value").isEmpty(), "the I-94 number is never shown back");
        assertTrue(browser.findElement(By.id("i94Number")).getAttribute("placeholder").contains("8A01"), "its masked form is");

        fill("int-name", "Lucía Ramos");
        fill("int-organization", "Chicago Language Bank");
        fill("int-phone", "(312) 555-0142");
        fill("int-language", "Spanish");
        browser.findElement(By.cssSelector("[data-testid=certify-interpreter] button")).click();
        await("interpreter certified", b -> !b.findElements(By.cssSelector("[data-testid=cert-interpreter]")).isEmpty());
        fill("st-language", "Spanish");
        browser.findElement(By.cssSelector("[data-testid=certify-statement] button")).click();
        await("statement recorded", b -> !b.findElements(By.cssSelector("[data-testid=cert-applicant-statement]")).isEmpty());
        fill("prep-organization", "Clinic Flow Chicago");
        fill("prep-phone", "(312) 555-0100");
        browser.findElement(By.cssSelector("[data-testid=certify-preparer] button")).click();
        await("the filing complete", b -> !b.findElements(By.cssSelector("[data-testid=cert-preparer]")).isEmpty()
                && b.findElements(By.cssSelector("[data-testid=missing]")).isEmpty());
        WebElement meter = browser.findElement(By.cssSelector("[data-testid=completeness]"));
        assertEquals(meter.getAttribute("max"), meter.getAttribute("value"), "the meter is full");
        fullPageShot("filing");

        Object packet = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                + " + String.fromCharCode(...new Uint8Array(b.slice(0, 4)))))).catch(e => done('failed ' + e));", filingUrl + "/packet");
        assertEquals("200 application/pdf %PDF", packet, "the packet downloads as a PDF");

        click(By.cssSelector("[data-testid=record-filing-button]"));
        await("filed", b -> !b.findElements(By.cssSelector("[data-testid=filed]")).isEmpty());
        assertEquals("filed", browser.findElement(By.cssSelector("[data-testid=stage]")).getAttribute("data-stage"));
        fill("receiptNumber", "IOE12");
        click(By.cssSelector("[data-testid=record-receipt-button]"));
        await("the receipt number's error", b -> b.getPageSource().contains("three letters and ten digits"));
        // The receipt arrives days later: entered on the case page, where the case awaits it.
        browser.get(caseUrl);
        fill("case-receipt", "IOE0912345678");
        click(By.cssSelector("[data-testid=case-receipt-save]"));
        await("the receipt recorded", b -> b.getCurrentUrl().contains("note=receipt-recorded"));
        assertEquals("IOE0912345678", text(By.cssSelector("[data-testid=receipt-number]")));
        assertTrue(browser.findElements(By.cssSelector("[data-testid=case-receipt-form]")).isEmpty(), "asked once, then shown");
        awaitReloading("the receipt SMS in the local inbox", PORTAL + "/inbox?to=" + phone.replace("+", "%2B"),
                b -> b.getPageSource().contains("IOE0912345678"));

        // Issue 18: the applicant moves after filing; the AR-11 task waits on "Needs attention" and is ticked off there.
        browser.get(caseUrl);
        click(By.cssSelector("[data-testid=after-filing-card] summary"));
        fill("mv-care", "Salvation Army Shelter");
        fill("mv-street", "2120 S Michigan Ave");
        fill("mv-city", "Chicago");
        fill("mv-state", "IL");
        fill("mv-zip", "60616");
        setDate("mv-on", LocalDate.now().toString());
        click(By.cssSelector("[data-testid=move-submit]"));
        await("the move recorded", b -> b.getCurrentUrl().contains("note=moved"));
        assertTrue(text(By.cssSelector("[data-testid=case-tasks]")).contains("Form AR-11"), "the case shows the AR-11 task");
        String applicantName = text(By.cssSelector("[data-testid=case-name]"));
        browser.get(PORTAL + "/attention");
        WebElement task = browser.findElements(By.cssSelector("[data-testid=task-row][data-kind=update-uscis-address]")).stream()
                .filter(r -> r.getAttribute("innerHTML").contains(caseUrl.substring(caseUrl.indexOf("/applicants/")))).findFirst()
                .orElseThrow(() -> new AssertionError("no AR-11 task on Needs attention for " + applicantName));
        String due = LocalDate.now().plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
        assertTrue(task.getText().contains(due), "due 10 days after the move: " + due + " in " + task.getText());
        accessible("attention");
        shot("attention");
        task.findElement(By.cssSelector("[data-testid=task-done]")).click();
        await("ticked off", b -> b.getCurrentUrl().contains("note=done"));
        assertTrue(browser.findElements(By.cssSelector("[data-testid=task-row][data-kind=update-uscis-address]")).stream()
                .noneMatch(r -> r.getAttribute("innerHTML").contains(caseUrl.substring(caseUrl.indexOf("/applicants/")))),
                "a task done leaves the list");

        // She texts STOP: the case page says so beside her phone.
        assertEquals(200, API.smsFromPhone(phone, "STOP"));
        awaitReloading("the opt-out beside the phone", caseUrl,
                b -> b.findElement(By.cssSelector("[data-testid=sms-state]")).getText().contains("Opted out of SMS"));
    }

    /** A photo of her I-94 from the tablet's camera (a file here), listed under the document and opened through the portal. */
    private void uploadAndOpenAScan(String caseUrl) throws Exception {
        browser.get(caseUrl);
        Path photo = Files.createTempFile("i94-photo", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        WebElement row = browser.findElements(By.cssSelector("[data-testid=doc-row]")).get(0);
        String type = row.getAttribute("data-type");
        WebElement file = row.findElement(By.cssSelector("[data-testid=scan-file]"));
        assertEquals("environment", file.getAttribute("capture"), "the tablet's camera is offered");
        file.sendKeys(photo.toString());
        row.findElement(By.cssSelector("[data-testid=scan-upload]")).click();
        await("the scan stored", b -> b.getCurrentUrl().contains("note=scan-stored"));
        WebElement link = browser.findElement(By.cssSelector("[data-testid=doc-row][data-type='" + type + "'] [data-testid=scan-link]"));
        Object opened = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done('failed ' + e));",
                link.getAttribute("href"));
        assertEquals("200 image/png", opened, "the scan opens");
    }

    /**
     * Issue 19: a supervisor opens surge planning for a site with people waiting in two languages
     * and sees the backlog, the chart (server-drawn SVG) and the proposed sessions, without a
     * button to create them; a clinic admin creates them in one step.
     */
    @Test
    void aSupervisorSeesTheSurgePlanWithItsChartAndAnAdminCreatesTheSessions() throws Exception {
        String site = "plan-" + Long.toString(System.currentTimeMillis(), 36);
        assertEquals(201, API.post("scheduling-service", "/api/sites", "admin", Map.of("id", site, "name", "Planning Clinic",
                "address", "5 Plan Street, Chicago", "timeZone", "America/Chicago")).status());
        for (int i = 0; i < 6; i++) {
            String language = i < 4 ? "es" : "ht";
            assertEquals(201, API.post("intake-service", "/api/applicants", "supervisor", Map.of("givenName", "Plan", "familyName",
                    "Case" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), "dateOfBirth", "1990-02-0" + (i + 1),
                    "countryOfCitizenship", i < 4 ? "VE" : "HT", "preferredLanguage", language, "smsConsent", false, "siteId", site,
                    "category", "c11", "paroleEndDate", LocalDate.now().plusMonths(9).toString())).status());
        }
        browser = chromium();
        signIn("supervisor");
        awaitReloading("the backlog of four in Spanish", PORTAL + "/planning?site=" + site,
                b -> b.findElements(By.cssSelector("[data-testid=backlog-table] tr[data-language=es] td")).stream().findFirst()
                        .map(td -> td.getText().equals("4")).orElse(false));
        assertTrue(browser.findElements(By.cssSelector("svg[data-testid=plan-chart] rect")).size() > 2, "the chart has bars");
        assertFalse(browser.findElements(By.cssSelector("[data-testid=proposed-table] tbody tr")).isEmpty(), "sessions are proposed");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=create-sessions]")).isEmpty(), "a supervisor looks, an admin creates");
        accessible("planning");
        fullPageShot("planning");
        // What if a roster arrives: 40 typed in Portuguese, and a file not imported yet (two in Spanish, one in Kreyòl).
        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, "givenName,familyName,preferredLanguage\nAna,\"Pérez, Luz\",es\nLuis,Rojas,es\nJean,Pierre,ht\n");
        fill("wi-pt", "40");
        browser.findElement(By.id("wi-roster")).sendKeys(roster.toString());
        click(By.cssSelector("[data-testid=what-if-submit]"));
        await("the what-if answered", b -> !b.findElements(By.cssSelector("[data-testid=what-if-answer]")).isEmpty());
        String answer = text(By.cssSelector("[data-testid=what-if-answer]"));
        assertTrue(answer.contains("Português: 40") && answer.contains("Español: 2") && answer.contains("Kreyòl ayisyen: 1"), answer);
        browser.quit();

        browser = chromium();
        signIn("admin");
        browser.get(PORTAL + "/planning?site=" + site);
        click(By.cssSelector("[data-testid=create-sessions]"));
        await("the sessions created", b -> b.getCurrentUrl().contains("note=created"));
        assertTrue(API.get("scheduling-service", "/api/planning/sites/" + site + "/backlog", "supervisor").body().path("sessions").size() > 0);
    }

    /** With JavaScript off the forms still work: the language switch, the search and the register form's eligibility check. */
    @Test
    void everyFormWorksWithoutJavaScript() {
        browser = chromium(false);
        signIn("caseworker");
        browser.get(PORTAL + "/applicants");
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        click(By.cssSelector("form[action='/language'] button[type=submit]"));
        await("the portal in Spanish, without script", b -> b.findElement(By.tagName("nav")).getText().contains("Solicitantes"));
        assertTrue(browser.getCurrentUrl().endsWith("/applicants"), "back on the page it was switched on: " + browser.getCurrentUrl());
        fill("q", "Portal");
        click(By.cssSelector("form[action='/applicants'] button[type=submit]"));
        await("the search answered by the server", b -> b.getCurrentUrl().contains("q=Portal"));
        browser.get(PORTAL + "/register");
        new Select(browser.findElement(By.id("category"))).selectByValue("c11");
        setDateWithoutScript("paroleEndDate", LocalDate.now().plusYears(1));
        click(By.cssSelector("button[value=check]"));
        await("the eligibility from the server", b -> !b.findElements(By.cssSelector("[data-testid=eligibility]")).isEmpty());
        assertTrue(text(By.cssSelector("[data-testid=eligibility]")).contains("(c)(11)"));
    }

    @Test
    void onlyASupervisorRevealsAnANumberAndOnlyAnAdminManagesCapacity() throws Exception {
        String id = API.post("intake-service", "/api/applicants", "supervisor", Map.of("givenName", "Reveal", "familyName",
                "Test" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), "dateOfBirth", "1985-01-20", "countryOfCitizenship", "HT",
                "preferredLanguage", "ht", "phone", "+13125550199", "smsConsent", false, "siteId", "chicago-south", "category", "c8",
                "aNumber", "A2" + (10000000 + (int) (Math.random() * 89999999)))).body().path("id").asText();
        browser = chromium();
        signIn("caseworker");
        browser.get(PORTAL + "/applicants/" + id);
        assertTrue(text(By.cssSelector("[data-testid=a-number]")).startsWith("A-•••••"), "masked for everyone");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=reveal]")).isEmpty(), "no reveal for a caseworker");
        assertTrue(browser.findElements(By.linkText("Clinic capacity")).isEmpty(), "no admin menu for a caseworker");
        browser.get(PORTAL + "/capacity");
        assertFalse(browser.getPageSource().contains("Open a site"), "the admin screen is refused");
        browser.quit();

        browser = chromium();
        signIn("supervisor");
        browser.get(PORTAL + "/applicants/" + id);
        click(By.cssSelector("[data-testid=reveal]"));
        await("the revealed number", b -> b.findElements(By.cssSelector("[data-testid=reveal]")).isEmpty());
        assertTrue(text(By.cssSelector("[data-testid=a-number]")).matches("(?s)A\\d{8,9}.*"),
                "the whole number, once: " + text(By.cssSelector("[data-testid=a-number]")));
        browser.quit();

        browser = chromium();
        signIn("admin");
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        await("the portal in Spanish", b -> b.findElement(By.tagName("nav")).getText().contains("Solicitantes"));
        browser.get(PORTAL + "/capacity");
        assertTrue(browser.getPageSource().contains("chicago-south"));
        assertTrue(browser.getPageSource().contains("Abrir una sede"), "the admin screen in Spanish");
        accessible("capacity");
        shot("capacity-es");
        browser.get(PORTAL + "/import");
        accessible("roster import");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** One document by its own button, then the rest the way a caseworker goes through the papers: chosen per row, one save. */
    private void verifyEveryRequiredDocument(String caseUrl) {
        browser.get(caseUrl);
        WebElement first = pendingRequiredRows().get(0);
        first.findElement(By.cssSelector("[data-testid=" + ("true".equals(first.getAttribute("data-waivable")) ? "waive" : "verify") + "]"))
                .click();
        await("the single check saved", b -> b.getCurrentUrl().contains("note=done"));
        List<WebElement> rest = pendingRequiredRows();
        assertFalse(rest.isEmpty(), "more documents left to check");
        for (WebElement row : rest) {
            String choice = "true".equals(row.getAttribute("data-waivable")) ? "not_applicable" : "verified";
            new Select(row.findElement(By.cssSelector("[data-testid=check-as]"))).selectByValue(choice);
        }
        click(By.cssSelector("[data-testid=save-checks]"));
        await("the checks saved", b -> b.getCurrentUrl().contains("note=done") && pendingRequiredRows().isEmpty());
    }

    @Test
    void aSupervisorPreviewsARuleAndHoldsAndLiftsEveryCaseOfATerminatedProgram() throws Exception {
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("givenName", "Hold", "familyName", "Test" + UUID.randomUUID()
                    .toString().replaceAll("[^a-f]", ""), "dateOfBirth", "1988-02-0" + (i + 1), "countryOfCitizenship", "NI",
                    "preferredLanguage", "es", "smsConsent", false, "siteId", "chicago-south", "category", "c11"));
            body.put("paroleEndDate", LocalDate.now().plusYears(1).toString());
            body.put("paroleProgram", "chnv");
            cases.add(API.post("intake-service", "/api/applicants", "supervisor", body).body().path("id").asText());
        }
        browser = chromium();
        signIn("supervisor");
        browser.get(PORTAL + "/rules");
        assertFalse(browser.findElements(By.cssSelector("[data-testid=rule-row][data-rule=ead-statutory-fee-fy2026-initial]")).isEmpty());
        click(By.cssSelector("[data-testid=preview-rule]"));
        await("the preview of next year's fee row", b -> !b.findElements(By.cssSelector("[data-testid=rule-preview]")).isEmpty());
        accessible("rules");
        shot("rules");

        String rule = "chnv-parole-terminations-2025-06";
        browser.get(PORTAL + "/rules/" + rule);
        assertTrue(Integer.parseInt(text(By.cssSelector("[data-testid=affected-count] strong"))) >= 3);
        fill("reason", "CHNV parole terminated: check the applicant's notice");
        int heldBefore = browser.findElements(By.cssSelector("[data-testid=action-row]")).size();
        submit(By.cssSelector("[data-testid=hold-all]"), "started");
        awaitReloading("the hold done", PORTAL + "/rules/" + rule, b -> b.findElements(By.cssSelector("[data-testid=action-row]")).size()
                == heldBefore + 1 && "done".equals(b.findElements(By.cssSelector("[data-testid=action-status]")).get(0).getText()));
        accessible("policy action");
        shot("policy-action");
        browser.get(PORTAL + "/applicants/" + cases.get(0));
        assertEquals("on_hold", browser.findElement(By.cssSelector("[data-testid=stage]")).getAttribute("data-stage"));
        assertTrue(text(By.cssSelector("[data-testid=eligibility-card]")).contains("CHNV parole terminated"), "the hold's reason on the case");

        browser.get(PORTAL + "/rules/" + rule);
        int actionsBefore = browser.findElements(By.cssSelector("[data-testid=action-row]")).size(); // a kept stack has older ones
        submit(By.cssSelector("[data-testid=lift-all]"), "started");
        awaitReloading("the lift done", PORTAL + "/rules/" + rule, b -> b.findElements(By.cssSelector("[data-testid=action-row]")).size()
                == actionsBefore + 1 && "done".equals(b.findElements(By.cssSelector("[data-testid=action-status]")).get(0).getText()));
        for (String id : cases) {
            assertTrue(API.get("intake-service", "/api/applicants/" + id, "supervisor").body().path("holdReason").isNull(),
                    "the lift released " + id);
        }
    }

    private List<WebElement> pendingRequiredRows() {
        return browser.findElements(By.cssSelector("[data-testid=doc-row][data-required=true]")).stream()
                .filter(r -> !r.findElement(By.cssSelector("[data-testid=doc-status]")).getAttribute("data-status")
                        .matches("verified|not_applicable"))
                .toList();
    }

    /** The page on a 10-inch tablet held upright (800 px wide): nothing runs off the side, so no sideways scrolling. */
    private void onATablet(String shot) throws java.io.IOException {
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1280));
        try {
            browser.navigate().refresh();
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "the page fits a tablet's width; it overflows by " + overflow + " px");
            shot(shot);
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    /** axe-core's rules on the page as it stands: no serious or critical violation. */
    private void accessible(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done({ passed: r.passes.length, serious: r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')) }))"
                + ".catch(e => done({ passed: 0, serious: ['axe did not run: ' + e] }));");
        assertTrue(((Number) result.get("passed")).intValue() >= 10, "axe-core checked " + page + ": " + result);
        assertEquals(List.of(), result.get("serious"), "axe-core on " + page);
    }

    private static String axeSource() {
        try (java.io.InputStream in = PortalBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is a test dependency (org.webjars.npm:axe-core)", e);
        }
    }

    private void signIn(String user) {
        browser.get(PORTAL + "/today");
        await("Keycloak's login", b -> !b.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        await("back in the portal", b -> b.getCurrentUrl().startsWith(PORTAL));
        assertTrue(text(By.cssSelector("[data-testid=user]")).startsWith(user));
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
    }

    private void click(By by) {
        browser.findElement(by).click();
    }

    /**
     * Clicks a form's button and waits for the portal's answer, the redirect that carries its note,
     * and checks the note. Reloading a page straight after the click could cancel the form's post
     * before the browser sent it (a clean-clone CI once waited a minute for a reschedule that never left).
     */
    private void submit(By button, String expectedNote) {
        click(button);
        await("the portal's answer to " + button, b -> b.getCurrentUrl().contains("note="));
        String note = java.net.URLDecoder.decode(browser.getCurrentUrl().replaceAll(".*[?&]note=([^&#]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(expectedNote, note, "the portal's note after " + button);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private void await(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).withMessage(what)
                .until(condition::apply);
    }

    /** Reloads {@code url} until the condition holds: what the services do arrives by events, not with the click. */
    private void awaitReloading(String what, String url, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).withMessage(what).until(b -> {
            b.get(url);
            return condition.apply(b);
        });
    }

    private void shot(String name) throws java.io.IOException {
        File file = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    private void fullPageShot(String name) throws java.io.IOException {
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), Math.min(6000, height.intValue() + 140)));
        try {
            shot(name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private static WebDriver chromium() {
        return chromium(true);
    }

    /** Types a date into a date input as a keyboard would (month, day, year), for a page with script off. */
    private void setDateWithoutScript(String id, LocalDate date) {
        browser.findElement(By.id(id)).sendKeys(String.format("%02d%02d%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
    }

    private static WebDriver chromium(boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
