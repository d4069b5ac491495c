package org.clinicflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.notification.gateway.SmsGateway;
import org.clinicflow.notification.gateway.TwilioGateway;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The Twilio gateway against a server speaking Twilio's API, its error answers included. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeTwilio.class)
class TwilioGatewayTest {

    @Inject
    TwilioGateway twilio;

    @Test
    void sendsWithCredentialsSenderAndStatusCallback() {
        SmsGateway.Result result = twilio.send(UUID.randomUUID(), "+13125550142", "Work Permit Clinic: hello");
        assertEquals(SmsGateway.Outcome.ACCEPTED, result.outcome());
        assertTrue(result.providerId().startsWith("SM"));
        Map<String, String> request = FakeTwilio.REQUESTS.stream().filter(r -> "+13125550142".equals(r.get("To"))).findFirst().orElseThrow();
        assertEquals("+15005550006", request.get("From"));
        assertEquals("http://clinic.test/webhooks/sms/status", request.get("StatusCallback"));
        assertEquals(result.providerId(), twilio.findSent(UUID.randomUUID(), "+13125550142", "Work Permit Clinic: hello").orElseThrow());
    }

    @Test
    void twiliosRefusalsAreFinalAndItsRateLimitIsRetried() {
        assertEquals(SmsGateway.Result.rejected("21211"), twilio.send(UUID.randomUUID(), FakeTwilio.INVALID, "x"));
        assertEquals(SmsGateway.Result.rejected("21610"), twilio.send(UUID.randomUUID(), FakeTwilio.UNSUBSCRIBED, "x"));
        assertEquals(SmsGateway.Result.retry("20429"), twilio.send(UUID.randomUUID(), FakeTwilio.RATE_LIMITED_ONCE, "x"));
        assertEquals(SmsGateway.Outcome.ACCEPTED, twilio.send(UUID.randomUUID(), FakeTwilio.RATE_LIMITED_ONCE, "x").outcome());
    }
}
