package org.clinicflow.notification.message;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clinicflow.events.notification.MessageFailedV1;
import org.clinicflow.events.notification.MessageSentV1;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.notification.gateway.SmsGateway;
import org.clinicflow.notification.gateway.SmsGateway.Outgoing;
import org.clinicflow.notification.webhook.OptOut;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued SMS, never twice. A due message is first marked {@code sending} and committed
 * (intent recorded), then handed to the gateway with its id as reference, then marked
 * {@code sent} with the provider's id. A crash between the gateway call and that last commit
 * leaves the message {@code sending}; after {@code reconcile-after} the dispatcher asks the
 * gateway whether the reference went out, and only sends again when it did not. Each pass
 * respects the sender's token bucket and re-checks opt-outs. Passes run when a message is
 * queued ({@link DispatchLoop}). Tested by {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 50;

    private final SmsGateway gateway;
    private final TokenBucket bucket;
    private final Outbox outbox;
    private final Duration reconcileAfter;
    private final int maxAttempts;

    Dispatcher(SmsGateway gateway, TokenBucket bucket, Outbox outbox,
            @ConfigProperty(name = "clinic.notification.reconcile-after", defaultValue = "PT2M") Duration reconcileAfter,
            @ConfigProperty(name = "clinic.notification.max-attempts", defaultValue = "5") int maxAttempts) {
        this.gateway = gateway;
        this.bucket = bucket;
        this.outbox = outbox;
        this.reconcileAfter = reconcileAfter;
        this.maxAttempts = maxAttempts;
    }

    /**
     * One pass: settles messages left {@code sending}, then claims, sends and records due
     * messages 50 at a time until none are due or the bucket is empty. {@link DispatchLoop} runs
     * it whenever a message is queued. Answers how many messages it handled.
     */
    public int dispatchOnce() {
        int handled = 0;
        try {
            handled += reconcile(reconcileAfter);
            List<Outgoing> claims;
            do {
                claims = claim(BATCH);
                List<SmsGateway.Result> answers = claims.isEmpty() ? List.of() : gateway.sendAll(claims);
                List<Sent> results = new ArrayList<>(claims.size());
                for (int i = 0; i < claims.size(); i++) {
                    results.add(new Sent(claims.get(i), answers.get(i)));
                }
                // One transaction for the whole claim: a crash before it leaves them sending, and the
                // reconciliation above asks the gateway about each before anything is sent again.
                if (!results.isEmpty()) {
                    recordAll(results);
                }
                handled += claims.size();
            } while (claims.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("SMS dispatch pass failed, next pass retries: %s", e.toString());
        }
        return handled;
    }

    /** A claimed message and what the gateway answered. */
    public record Sent(Outgoing claim, SmsGateway.Result result) {
    }

    /** Records what the gateway answered for each message of a claim. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAll(List<Sent> results) {
        Message.byId(results.stream().map(sent -> sent.claim().reference()).toList()); // one query; record() finds them loaded
        results.forEach(sent -> record(sent.claim(), sent.result()));
    }

    /**
     * Marks due messages {@code sending} (committed before any gateway call); stops when the bucket
     * is empty. Answers them as the gateway takes them, each message's id its reference.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outgoing> claim(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> due = Panache.getEntityManager().createNativeQuery(
                "SELECT id FROM message WHERE status = 'pending' AND not_before <= now() ORDER BY not_before "
                        + "LIMIT ?1 FOR UPDATE SKIP LOCKED").setParameter(1, limit).getResultList();
        List<Outgoing> claims = new ArrayList<>();
        // The claimed rows and their phones' opt-outs in two queries, not two per message.
        Map<UUID, Message> messages = Message.byId(due);
        Set<String> optedOut = OptOut.optedOutAmong(messages.values().stream().map(m -> m.phone).toList());
        for (UUID id : due) {
            Message m = messages.get(id);
            if (m.phone != null && optedOut.contains(m.phone)) {
                m.status = "suppressed";
                continue;
            }
            if (!bucket.tryTake(m.segments)) {
                break; // the rest wait for the next pass
            }
            m.status = "sending";
            m.sendingAt = Instant.now();
            m.attempts++;
            claims.add(new Outgoing(m.id, m.phone, m.body));
        }
        return claims;
    }

    /** Records what the gateway answered for a claimed message. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(Outgoing claim, SmsGateway.Result result) {
        Message m = Message.findById(claim.reference());
        switch (result.outcome()) {
            case ACCEPTED -> {
                m.status = "sent";
                m.providerId = result.providerId();
                m.sentAt = Instant.now();
                outbox.publish(new MessageSentV1(m.applicantId, m.id, m.templateKey, m.sentAt));
            }
            case REJECTED -> fail(m, result.errorCode());
            case RETRY -> {
                if (m.attempts >= maxAttempts) {
                    fail(m, result.errorCode());
                } else {
                    m.status = "pending";
                    m.notBefore = Instant.now().plusSeconds(5L << Math.min(m.attempts, 8));
                    m.errorCode = result.errorCode();
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Settles messages left {@code sending} for longer than {@code after}: sent if the gateway has them, else queued again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int reconcile(Duration after) {
        @SuppressWarnings("unchecked")
        List<UUID> stuck = Panache.getEntityManager().createNativeQuery(
                "SELECT id FROM message WHERE status = 'sending' AND sending_at <= ?1 LIMIT 100 FOR UPDATE SKIP LOCKED")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minus(after))).getResultList();
        for (UUID id : stuck) {
            Message m = Message.findById(id);
            Optional<String> sent = gateway.findSent(m.id, m.phone, m.body);
            if (sent.isPresent()) {
                m.status = "sent";
                m.providerId = sent.get();
                m.sentAt = Instant.now();
                outbox.publish(new MessageSentV1(m.applicantId, m.id, m.templateKey, m.sentAt));
            } else {
                m.status = "pending";
                m.notBefore = Instant.now();
            }
        }
        return stuck.size();
    }

    private void fail(Message m, String code) {
        m.status = "failed";
        m.errorCode = code;
        if (SmsGateway.UNSUBSCRIBED.equals(code) && !OptOut.isOptedOut(m.phone)) {
            OptOut optOut = new OptOut();
            optOut.phone = m.phone;
            optOut.optedOutAt = Instant.now();
            optOut.persist();
        }
        outbox.publish(new MessageFailedV1(m.applicantId, m.id, code, Instant.now()));
    }
}
