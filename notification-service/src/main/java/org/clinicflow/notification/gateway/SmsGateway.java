package org.clinicflow.notification.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends SMS through a provider. {@code reference} is the message's own id: a gateway that can
 * be asked later whether a message with that reference went out makes reconciliation after a
 * crash exact. Implementations: {@link DevGateway} (the local stack), {@link TwilioGateway}.
 */
public interface SmsGateway {

    /** What the provider answered: accepted (with its id), refused for good, or "try later". */
    record Result(Outcome outcome, String providerId, String errorCode) {

        public static Result accepted(String providerId) {
            return new Result(Outcome.ACCEPTED, providerId, null);
        }

        public static Result rejected(String errorCode) {
            return new Result(Outcome.REJECTED, null, errorCode);
        }

        public static Result retry(String errorCode) {
            return new Result(Outcome.RETRY, null, errorCode);
        }
    }

    /** ACCEPTED: on its way; REJECTED: never (invalid number, unsubscribed); RETRY: a temporary refusal. */
    enum Outcome {
        ACCEPTED, REJECTED, RETRY
    }

    /** A provider error code meaning the recipient unsubscribed at the carrier: treat the number as opted out. */
    String UNSUBSCRIBED = "21610";

    Result send(UUID reference, String to, String body);

    /** A message to send, with its own id as the reference. */
    record Outgoing(UUID reference, String to, String body) {
    }

    /**
     * Sends several messages and answers for each, in the same order. One after another unless
     * the provider can take them together ({@link DevGateway} keeps a claim's messages in one
     * transaction of its own instead of one each).
     */
    default List<Result> sendAll(List<Outgoing> messages) {
        return messages.stream().map(m -> send(m.reference(), m.to(), m.body())).toList();
    }

    /** The provider id of an earlier send with this reference, if the provider has one. */
    Optional<String> findSent(UUID reference, String to, String body);
}
