package org.clinicflow.notification.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends through Twilio's REST Messages API with the account's credentials, the clinic's sender
 * and a status-callback URL (delivery receipts come back to {@code /webhooks/sms/status}).
 * Twilio's answers map to the clinic's: 21211 (invalid number) and 21610 (unsubscribed) are
 * final refusals, 429 and server errors are retried later. Tested against a local server that
 * speaks Twilio's API in {@code TwilioGatewayTest}.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(TwilioGateway.class)
public class TwilioGateway implements SmsGateway {

    private final TwilioApi api;
    private final String account;
    private final String authorization;
    private final String from;
    private final String statusCallback;

    TwilioGateway(@RestClient TwilioApi api,
            @ConfigProperty(name = "clinic.notification.twilio.account-sid", defaultValue = "unset") String account,
            @ConfigProperty(name = "clinic.notification.twilio.auth-token", defaultValue = "unset") String token,
            @ConfigProperty(name = "clinic.notification.twilio.from", defaultValue = "unset") String from,
            @ConfigProperty(name = "clinic.notification.webhook-base-url") String webhookBase) {
        this.api = api;
        this.account = account;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.statusCallback = webhookBase + "/webhooks/sms/status";
    }

    @Override
    public Result send(UUID reference, String to, String body) {
        Form form = new Form().param("To", to).param("Body", body).param("StatusCallback", statusCallback);
        form = from.startsWith("MG") ? form.param("MessagingServiceSid", from) : form.param("From", from);
        try {
            return Result.accepted(api.send(account, authorization, form).sid());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String code = errorCode(e);
            if (status == 429 || status >= 500) {
                return Result.retry(code == null ? String.valueOf(status) : code);
            }
            return Result.rejected(code == null ? String.valueOf(status) : code);
        } catch (ProcessingException e) {
            return Result.retry("unreachable");
        }
    }

    /** Twilio has no idempotency key: a message to the same number, today, with the same text is taken as ours. */
    @Override
    public Optional<String> findSent(UUID reference, String to, String body) {
        try {
            TwilioApi.TwilioPage page = api.list(account, authorization, to, LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
            return page.messages() == null ? Optional.empty()
                    : page.messages().stream().filter(m -> body.equals(m.body())).map(TwilioApi.TwilioMessage::sid).findFirst();
        } catch (WebApplicationException | ProcessingException e) {
            throw new IllegalStateException("cannot ask Twilio about an earlier send", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(WebApplicationException e) {
        try {
            Map<String, Object> body = e.getResponse().readEntity(Map.class);
            Object code = body == null ? null : body.get("code");
            return code == null ? null : String.valueOf(code);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
