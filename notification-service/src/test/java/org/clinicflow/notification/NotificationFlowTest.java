package org.clinicflow.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.notification.ApplicantRepliedV1;
import org.clinicflow.events.notification.ReplyIntent;
import org.clinicflow.notification.gateway.DevGateway;
import org.clinicflow.notification.gateway.SmsGateway;
import org.clinicflow.notification.message.Dispatcher;
import org.clinicflow.notification.message.Message;
import org.clinicflow.notification.message.MessageQueue;
import org.clinicflow.notification.retention.SentMessages;
import org.clinicflow.notification.reminder.Reminder;
import org.clinicflow.notification.webhook.TwilioSignature;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * SMS as applicants receive them, on the real broker and database with the development
 * gateway: in their language, once even when an event comes twice or the service dies between
 * the gateway call and its commit, never without consent or after STOP, never at night,
 * reminders moved with the appointment; replies and delivery receipts come back signed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeTwilio.class)
class NotificationFlowTest {

    private static final String BOOKED = "clinic.scheduling.appointment-booked.v1";
    private static final String RESCHEDULED = "clinic.scheduling.appointment-rescheduled.v1";

    @Inject
    Dispatcher dispatcher;
    @Inject
    DevGateway devGateway;
    @Inject
    SentMessages sentMessages;

    @Inject
    org.clinicflow.notification.retention.IdleContacts idleContacts;

    @Test
    void aBookingIsTextedOnceInTheApplicantsLanguageEvenWhenDeliveredTwice() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "es", true);
        Map<String, Object> booked = Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS), Events.daytimeZone()));
        EventMetadata event = Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, booked);
        Events.resend(EventCatalog.APPOINTMENTS, BOOKED, applicant, booked, event);

        List<String> texts = awaitSms(phone, 1);
        assertTrue(texts.get(0).startsWith("Work Permit Clinic: su cita es el "), texts.get(0));
        assertTrue(texts.get(0).contains("South Loop Clinic, 1 Example Plaza, Chicago. Responda C para confirmar"), texts.get(0));
        awaitSentEvent(applicant);
        assertEquals(1, inbox(phone).size(), "the redelivered event sent nothing more");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + applicant + "/messages").then()
                .statusCode(200).body("templateKey", hasItem("appointment-booked")).body("[0].status", equalTo("sent"));
        given().auth().oauth2(TestTokens.supervisor()).queryParam("applicant", applicant.toString()).when().get("/api/audit/reads")
                .then().statusCode(200).body("action", hasItem("read-messages")).body("actor", hasItem("caseworker"));
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get("/api/applicants/" + applicant + "/messages")
                .then().statusCode(404);
        // The development inbox holds every site's phones and texts: another site's caseworker sees none of these.
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).queryParam("to", phone).when().get("/dev/sms").then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get("/dev/sms").then()
                .statusCode(200).body("to", not(hasItem(phone)));
    }

    @Test
    void aBookingThatOvertakesTheContactPointWaitsForItInsteadOfBeingSuppressed() throws Exception {
        UUID applicant = UUID.randomUUID();
        String phone = Events.phone();
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        Events.send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", applicant, Map.of("siteId", "chicago-south",
                "preferredLanguage", "es"));
        Events.send(EventCatalog.CONTACTS, "clinic.intake.contact-point-changed.v1", applicant, Map.of("phone", phone,
                "preferredLanguage", "es", "smsConsent", true));

        List<String> texts = awaitSms(phone, 1);
        assertTrue(texts.get(0).startsWith("Work Permit Clinic: su cita es el "), "sent, in the applicant's language: " + texts.get(0));
        assertEquals("sent", awaitMessage(applicant, "appointment-booked").status);
    }

    @Test
    void aWriterThatReadTheContactBeforeAnotherCommittedCannotUndoIt() throws Exception {
        UUID applicant = applicant(Events.phone(), "es", true);
        String newPhone = Events.phone();
        java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        // As the booking consumer learning the site's time zone while intake's new phone number lands.
        java.util.concurrent.CompletableFuture<Void> stale = java.util.concurrent.CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    org.clinicflow.notification.contact.Contact c = org.clinicflow.notification.contact.Contact.findById(applicant);
                    loaded.countDown();
                    awaitLatch(changed);
                    c.timeZone = "America/Denver";
                }));
        assertTrue(loaded.await(30, java.util.concurrent.TimeUnit.SECONDS));
        QuarkusTransaction.requiringNew().run(() -> {
            org.clinicflow.notification.contact.Contact c = org.clinicflow.notification.contact.Contact.findById(applicant);
            c.phone = newPhone;
        });
        changed.countDown();

        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> stale.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(causes(refused).contains("jakarta.persistence.OptimisticLockException")
                || causes(refused).contains("org.hibernate.StaleObjectStateException"),
                "the stale write fails as an optimistic lock, which the inbox retries: " + causes(refused));
        org.clinicflow.notification.contact.Contact after = QuarkusTransaction.requiringNew()
                .call(() -> org.clinicflow.notification.contact.Contact.findById(applicant));
        assertEquals(newPhone, after.phone, "the new phone number stays");
    }

    private static void awaitLatch(java.util.concurrent.CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> causes(Throwable failure) {
        List<String> names = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && names.size() < 20; t = t.getCause()) {
            names.add(t.getClass().getName());
        }
        return names;
    }

    @Test
    void aRejectedDocumentSaysWhatToBring() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "ht", true);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        awaitSms(phone, 1);
        Events.send(EventCatalog.CHECKLISTS, "clinic.documents.document-rejected.v1", applicant, Map.of("documentType", "photos"));
        List<String> texts = awaitSms(phone, 2);
        assertEquals("Work Permit Clinic: tanpri pote de foto idantik gwosè paspò nan randevou ou.", texts.get(0));
    }

    /**
     * A supervisor's policy hold: the applicant is told once, neutrally, to contact the clinic (no
     * word of the case), and the appointment the hold released is not announced as a cancellation;
     * a later announcement of the same hold (a nightly review) texts nothing more.
     */
    @Test
    void aPolicyHoldTextsOnceToContactTheClinicAndItsReleasedAppointmentIsNotAnnounced() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "es", true);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        awaitSms(phone, 1);
        Map<String, Object> hold = Map.of("status", "on_hold", "holdReference", "3b0c6f3e-policy-action");
        EventMetadata first = Events.send(EventCatalog.APPLICANTS, "clinic.intake.eligibility-decided.v1", applicant, hold);
        EventMetadata cancelled = Events.send(EventCatalog.APPOINTMENTS, "clinic.scheduling.appointment-cancelled.v1", applicant,
                Map.of("reason", "on-hold"));
        EventMetadata again = Events.send(EventCatalog.APPLICANTS, "clinic.intake.eligibility-decided.v1", applicant, hold);

        List<String> texts = awaitSms(phone, 2);
        assertEquals("Work Permit Clinic: por favor comuníquese con la clínica antes de su próxima visita. Llame al +1 312 555 0100.",
                texts.get(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> Message.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.triggers' "
                        + "AND event_id IN (?1, ?2, ?3)")
                .setParameter(1, first.id()).setParameter(2, cancelled.id()).setParameter(3, again.id())
                .getSingleResult() instanceof Number n && n.intValue() == 3));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Message.count(
                "applicantId = ?1 and templateKey = 'contact-clinic'", applicant)), "one text per hold");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Message.count(
                "applicantId = ?1 and templateKey = 'appointment-cancelled'", applicant)), "the hold's release is not a cancellation text");
    }

    /**
     * A receipt recorded on the case reaches the applicant once, in their language, even when the
     * visit's close announces the same receipt too and intake's event is delivered twice.
     */
    @Test
    void aRecordedReceiptIsTextedOnceWhicheverServiceAnnouncesIt() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "fr", true);
        // A booking first: it tells the service the site's time zone, so the receipt is not held for the morning.
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        awaitSms(phone, 1);
        Map<String, Object> receipt = Map.of("receiptNumber", "IOE0912345678");
        EventMetadata recorded = Events.send(EventCatalog.APPLICANTS, "clinic.intake.receipt-recorded.v1", applicant, receipt);
        Events.resend(EventCatalog.APPLICANTS, "clinic.intake.receipt-recorded.v1", applicant, receipt, recorded);
        EventMetadata closed = Events.send(EventCatalog.APPOINTMENTS, "clinic.scheduling.visit-completed.v1", applicant, receipt);
        List<String> texts = awaitSms(phone, 2);
        assertEquals("Work Permit Clinic : votre demande a été déposée. Numéro de reçu IOE0912345678. Gardez ce message.", texts.get(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> Message.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.triggers' "
                        + "AND event_id IN (?1, ?2)")
                .setParameter(1, recorded.id()).setParameter(2, closed.id())
                .getSingleResult() instanceof Number n && n.intValue() == 2));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Message.count(
                "applicantId = ?1 and templateKey = 'visit-completed'", applicant)), "one text per receipt");
    }

    /**
     * USCIS's approval and the card's mailing (the tracking service's events) are texted once
     * each, neutrally, in the applicant's language, however often announced; a status that needs
     * a caseworker (evidence requested) is not texted.
     */
    @Test
    void anApprovalAndAMailedCardAreTextedOnceEachWithoutSayingWhatTheCaseIs() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "es", true);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        awaitSms(phone, 1);
        String type = "clinic.tracking.case-status-changed.v1";
        Map<String, Object> approved = Map.of("status", "approved", "uscisStatus", "Case Was Approved");
        EventMetadata first = Events.send(EventCatalog.STATUSES, type, applicant, approved);
        Events.resend(EventCatalog.STATUSES, type, applicant, approved, first);
        Events.send(EventCatalog.STATUSES, type, applicant, Map.of("status", "approved", "uscisStatus", "Case Was Approved "));
        Events.send(EventCatalog.STATUSES, type, applicant, Map.of("status", "evidence-requested",
                "uscisStatus", "Request for Evidence Was Sent"));
        Events.send(EventCatalog.STATUSES, type, applicant, Map.of("status", "card-mailed", "uscisStatus", "Card Was Mailed To Me"));
        List<String> texts = awaitSms(phone, 3);
        assertEquals(List.of("Work Permit Clinic: su tarjeta fue enviada por correo. Si se mudó, comuníquese con la clínica ahora: "
                        + "+1 312 555 0100.",
                "Work Permit Clinic: hay novedades sobre su solicitud. Si se mudó, comuníquese con la clínica: +1 312 555 0100."),
                texts.subList(0, 2));
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> Message.count("applicantId = ?1", applicant)),
                "the booking, the approval and the card: nothing for the request for evidence, nothing twice");
    }

    @Test
    void noConsentNoSmsAndNothingAtNight() throws Exception {
        String noConsent = Events.phone();
        UUID silent = applicant(noConsent, "en", false);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, silent, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        Message suppressed = awaitMessage(silent, "appointment-booked");
        assertEquals("suppressed", suppressed.status);

        String night = Events.phone();
        UUID sleeper = applicant(night, "fr", true);
        String zone = Events.nightZone();
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, sleeper, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS), zone)));
        Message deferred = awaitMessage(sleeper, "appointment-booked");
        assertEquals("pending", deferred.status);
        assertEquals(8, deferred.notBefore.atZone(ZoneId.of(zone)).getHour(), "deferred to eight in the morning at the site");
        assertEquals(0, inbox(noConsent).size() + inbox(night).size());
    }

    @Test
    void stopInAnyLanguageStopsEverythingUntilStart() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "es", true);
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + applicant + "/sms").then().statusCode(200)
                .body("smsConsent", is(true)).body("phoneKnown", is(true)).body("optedOut", is(false));
        inbound(phone, "Alto", true).then().statusCode(200);
        awaitEvent(EventCatalog.MESSAGES.name(), applicant, "clinic.notification.applicant-opted-out.v1");
        // What the case page shows beside the phone; another site's caseworker learns nothing.
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + applicant + "/sms").then().statusCode(200)
                .body("optedOut", is(true)).body("optedOutAt", notNullValue());
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get("/api/applicants/" + applicant + "/sms").then()
                .statusCode(404);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        assertEquals("suppressed", awaitMessage(applicant, "appointment-booked").status);
        assertEquals(0, inbox(phone).size());

        inbound(phone, "START", false).then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("From", phone, "Body", "START", "MessageSid", "SMx"))
                .header("X-Twilio-Signature", "forged").when().post("/webhooks/sms/inbound").then().statusCode(403);
        inbound(phone, "START", true).then().statusCode(200);
        awaitEvent(EventCatalog.MESSAGES.name(), applicant, "clinic.notification.applicant-opted-in.v1");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + applicant + "/sms").then().statusCode(200)
                .body("optedOut", is(false));
    }

    @Test
    void aReplyBecomesAnEventAndAReceiptMarksDelivery() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "pt", true);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS),
                Events.daytimeZone())));
        awaitSms(phone, 1);
        Message sent = awaitMessage(applicant, "appointment-booked");
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(message(sent.id).status));

        inbound(phone, "c", true).then().statusCode(200);
        ConsumerRecord<String, byte[]> replied = awaitEvent(EventCatalog.MESSAGES.name(), applicant,
                "clinic.notification.applicant-replied.v1");
        assertEquals(ReplyIntent.CONFIRM, EventJson.read(replied.value(), ApplicantRepliedV1.class).intent());

        Map<String, String> receipt = Map.of("MessageSid", message(sent.id).providerId, "MessageStatus", "delivered");
        signed("/webhooks/sms/status", receipt).when().post("/webhooks/sms/status").then().statusCode(200);
        signed("/webhooks/sms/status", receipt).when().post("/webhooks/sms/status").then().statusCode(200);
        assertEquals("delivered", message(sent.id).status);
        awaitEvent(EventCatalog.MESSAGES.name(), applicant, "clinic.notification.message-delivered.v1");
        assertEquals(1, count(applicant, "clinic.notification.message-delivered.v1"), "a retried receipt publishes nothing more");

        // A late or replayed "failed" for a delivered message changes nothing: a final status is final.
        Map<String, String> replayedFailure = Map.of("MessageSid", message(sent.id).providerId, "MessageStatus", "failed",
                "ErrorCode", "30008");
        signed("/webhooks/sms/status", replayedFailure).when().post("/webhooks/sms/status").then().statusCode(200);
        assertEquals("delivered", message(sent.id).status);
        assertNull(message(sent.id).errorCode);
        assertEquals(0, count(applicant, "clinic.notification.message-failed.v1"), "no failure is announced for a delivered SMS");
    }

    @Test
    void remindersFollowTheAppointmentAndStaleOnesNeverFire() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "en", true);
        String zone = Events.daytimeZone();
        UUID appointment = UUID.randomUUID();
        Instant soon = Instant.now().plus(Duration.ofHours(24)).plusSeconds(3);
        Events.send(EventCatalog.APPOINTMENTS, BOOKED, applicant, Map.of("appointmentId", appointment, "slot", Events.slot(soon, zone)));
        List<String> texts = awaitSms(phone, 2);
        assertTrue(texts.get(0).startsWith("Work Permit Clinic: reminder, your appointment is tomorrow"), texts.get(0));

        Instant later = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        Events.send(EventCatalog.APPOINTMENTS, RESCHEDULED, applicant, Map.of("appointmentId", appointment, "slot", Events.slot(later, zone)));
        awaitSms(phone, 3);
        List<Reminder> reminders = QuarkusTransaction.requiringNew().call(() -> Reminder.list("appointmentId", appointment));
        assertEquals(2, reminders.stream().filter(r -> r.status.equals("pending")).count());
        assertTrue(reminders.stream().filter(r -> r.status.equals("pending")).allMatch(r -> r.startsAt.equals(later)),
                "only reminders for the new time remain");
        assertTrue(reminders.stream().anyMatch(r -> r.status.equals("cancelled")), "the old 2-hour reminder was cancelled");
    }

    @Test
    void aCrashBetweenTheGatewayCallAndTheCommitSendsNothingTwice() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "en", true);
        // Two messages the dispatcher had claimed when the process died: the first after the
        // gateway accepted it, the second before the gateway was called.
        UUID accepted = stuckMessage(applicant, phone, "Work Permit Clinic: first");
        UUID notSent = stuckMessage(applicant, phone, "Work Permit Clinic: second");
        devGateway.send(accepted, phone, "Work Permit Clinic: first");

        dispatcher.reconcile(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(message(notSent).status));
        assertEquals("sent", message(accepted).status);
        List<String> texts = inbox(phone);
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.containsAll(List.of("Work Permit Clinic: first", "Work Permit Clinic: second")));
    }

    @Test
    void theLocalGatewayAcceptsAReferenceOnceWithinAClaimAndAcrossClaims() throws Exception {
        String phone = Events.phone();
        applicant(phone, "en", true); // the development inbox shows a caseworker her own site's phones
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String earlier = devGateway.send(first, phone, "Work Permit Clinic: one").providerId();

        List<SmsGateway.Result> answers = devGateway.sendAll(List.of(
                new SmsGateway.Outgoing(first, phone, "Work Permit Clinic: one"),
                new SmsGateway.Outgoing(second, phone, "Work Permit Clinic: two"),
                new SmsGateway.Outgoing(second, phone, "Work Permit Clinic: two")));

        assertEquals(3, answers.size());
        assertTrue(answers.stream().allMatch(a -> a.outcome() == SmsGateway.Outcome.ACCEPTED), answers.toString());
        assertEquals(earlier, answers.get(0).providerId(), "a reference accepted before answers with its first id");
        assertEquals(answers.get(1).providerId(), answers.get(2).providerId(), "the same reference twice in one claim is one text");
        assertNotEquals(earlier, answers.get(1).providerId());
        // The inbox shows the phone once the applicant's contact point has been consumed.
        await().atMost(Duration.ofSeconds(20)).until(() -> !inbox(phone).isEmpty());
        assertEquals(List.of("Work Permit Clinic: one", "Work Permit Clinic: two"), inbox(phone).stream().sorted().toList());
    }

    @Test
    void textsAndPhonesAreForgottenAfterTheRetentionPeriod() throws Exception {
        String phone = Events.phone();
        UUID applicant = applicant(phone, "en", true);
        UUID old = QuarkusTransaction.requiringNew().call(() -> {
            Message m = newMessage(applicant, phone, "Work Permit Clinic: old", "delivered");
            m.createdAt = Instant.now().minus(Duration.ofDays(8));
            m.persist();
            return m.id;
        });
        QuarkusTransaction.requiringNew().run(() -> sentMessages.purge(Instant.now().minus(Duration.ofDays(7)), 500));
        Message purged = message(old);
        assertNull(purged.phone);
        assertNull(purged.body);
        assertEquals("delivered", purged.status, "the status stays for the counts");
        // Two idle years: a contact nobody changed or texted loses its phone; one texted lately keeps it.
        String quietPhone = Events.phone();
        UUID quiet = applicant(quietPhone, "en", true);
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : List.of(quiet, applicant)) {
                org.clinicflow.notification.contact.Contact c = org.clinicflow.notification.contact.Contact.findById(id);
                c.updatedAt = Instant.now().minus(Duration.ofDays(3 * 365));
            }
        });
        QuarkusTransaction.requiringNew().run(() -> idleContacts.purge(Instant.now().minus(Duration.ofDays(730)), 500));
        assertNull(QuarkusTransaction.requiringNew().call(() -> org.clinicflow.notification.contact.Contact
                .<org.clinicflow.notification.contact.Contact>findById(quiet).phone), "an idle contact's phone is purged");
        assertEquals(phone, QuarkusTransaction.requiringNew().call(() -> org.clinicflow.notification.contact.Contact
                .<org.clinicflow.notification.contact.Contact>findById(applicant).phone), "a contact texted lately keeps it");
        List<String> classes = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/retention").then().statusCode(200)
                .extract().path("dataClass");
        assertEquals(List.of("dev-gateway", "idle-contacts", "messages", "replies", "withdrawn-contacts"), classes,
                "every class of personal data");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static UUID applicant(String phone, String language, boolean consent) throws Exception {
        UUID applicant = UUID.randomUUID();
        Events.send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", applicant, Map.of("siteId", "chicago-south",
                "preferredLanguage", language));
        Events.send(EventCatalog.CONTACTS, "clinic.intake.contact-point-changed.v1", applicant, Map.of("phone", phone,
                "preferredLanguage", language, "smsConsent", consent));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            org.clinicflow.notification.contact.Contact c = org.clinicflow.notification.contact.Contact.findById(applicant);
            return c != null && phone.equals(c.phone) && c.siteId != null;
        }));
        return applicant;
    }

    private static List<String> awaitSms(String phone, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(phone).size() >= count);
        return inbox(phone);
    }

    /** The development gateway's inbox for a phone, newest first, through its API. */
    private static List<String> inbox(String phone) {
        return given().auth().oauth2(TestTokens.caseworker()).queryParam("to", phone).when().get("/dev/sms").then()
                .statusCode(200).extract().path("body");
    }

    private static Message awaitMessage(UUID applicant, String template) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Message.count("applicantId = ?1 and templateKey = ?2", applicant, template)) > 0);
        return QuarkusTransaction.requiringNew().call(() -> Message.<Message>find("applicantId = ?1 and templateKey = ?2",
                applicant, template).firstResult());
    }

    private static Message message(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Message.findById(id));
    }

    private static UUID stuckMessage(UUID applicant, String phone, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Message m = newMessage(applicant, phone, body, "sending");
            m.sendingAt = Instant.now().minus(Duration.ofMinutes(5));
            m.attempts = 1;
            m.persist();
            return m.id;
        });
    }

    private static Message newMessage(UUID applicant, String phone, String body, String status) {
        Message m = new Message();
        m.id = MessageQueue.messageId(UUID.randomUUID(), "appointment-booked");
        m.applicantId = applicant;
        m.templateKey = "appointment-booked";
        m.language = "en";
        m.phone = phone;
        m.body = body;
        m.segments = 1;
        m.status = status;
        m.createdAt = Instant.now();
        m.notBefore = m.createdAt;
        return m;
    }

    private static void awaitSentEvent(UUID applicant) {
        awaitEvent(EventCatalog.MESSAGES.name(), applicant, "clinic.notification.message-sent.v1");
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(String topic, UUID applicant, String type) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(topic,
                r -> applicant.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(30));
        return records.get(records.size() - 1);
    }

    private static long count(UUID applicant, String type) {
        return KafkaTestClient.readAllSent(EventCatalog.MESSAGES.name(), Duration.ofSeconds(30)).stream()
                .filter(r -> applicant.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .count();
    }

    private static io.restassured.response.Response inbound(String phone, String body, boolean sign) {
        Map<String, String> params = new HashMap<>(Map.of("From", phone, "Body", body, "MessageSid", "SM" + UUID.randomUUID()));
        var request = sign ? signed("/webhooks/sms/inbound", params) : given().contentType("application/x-www-form-urlencoded")
                .formParams(params);
        return request.when().post("/webhooks/sms/inbound");
    }

    /** A request signed the way Twilio signs, with the test token and the configured public URL. */
    private static io.restassured.specification.RequestSpecification signed(String path, Map<String, String> params) {
        return given().contentType("application/x-www-form-urlencoded").formParams(params)
                .header("X-Twilio-Signature", TwilioSignature.sign(FakeTwilio.TOKEN, "http://clinic.test" + path, params));
    }

}
