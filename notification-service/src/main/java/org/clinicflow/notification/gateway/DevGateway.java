package org.clinicflow.notification.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return accept(List.of(new Outgoing(reference, to, body))).get(0);
    }

    /** A claim's messages in one transaction: one query for references already accepted, one batch of inserts. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Result> sendAll(List<Outgoing> messages) {
        return accept(messages);
    }

    private List<Result> accept(List<Outgoing> messages) {
        Map<UUID, String> accepted = new HashMap<>();
        DevSms.<DevSms>list("reference in ?1", messages.stream().map(Outgoing::reference).toList())
                .forEach(known -> accepted.put(known.reference, known.id.toString()));
        List<Result> results = new ArrayList<>(messages.size());
        for (Outgoing message : messages) {
            String id = accepted.computeIfAbsent(message.reference(), reference -> {
                DevSms sms = new DevSms();
                sms.id = UUID.randomUUID();
                sms.reference = reference;
                sms.to = message.to();
                sms.body = message.body();
                sms.status = "sent";
                sms.createdAt = Instant.now();
                sms.persist();
                return sms.id.toString();
            });
            results.add(Result.accepted(id));
        }
        return results;
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
