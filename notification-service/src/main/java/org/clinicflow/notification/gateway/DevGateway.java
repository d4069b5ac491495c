package org.clinicflow.notification.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stack's SMS provider: it keeps every message in its own table (in its own
 * transaction, as a real provider keeps what it accepted whatever happens to the caller) and
 * shows them at {@code /dev/sms}. It accepts a reference once, like a provider with
 * idempotency keys, which is what reconciliation after a crash relies on.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(DevGateway.class)
public class DevGateway implements SmsGateway {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result send(UUID reference, String to, String body) {
        DevSms existing = DevSms.find("reference", reference).firstResult();
        if (existing != null) {
            return Result.accepted(existing.id.toString());
        }
        DevSms sms = new DevSms();
        sms.id = UUID.randomUUID();
        sms.reference = reference;
        sms.to = to;
        sms.body = body;
        sms.status = "sent";
        sms.createdAt = Instant.now();
        sms.persist();
        return Result.accepted(sms.id.toString());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> findSent(UUID reference, String to, String body) {
        return DevSms.<DevSms>find("reference", reference).firstResultOptional().map(s -> s.id.toString());
    }

    /** Remembers the language of a message for the inbox view. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void label(UUID reference, String language) {
        DevSms.update("language = ?1 where reference = ?2", language, reference);
    }
}
