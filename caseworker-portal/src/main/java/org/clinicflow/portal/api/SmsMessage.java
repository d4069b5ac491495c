package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.UUID;

/** One SMS to the applicant as notification-service shows it: its text, and how far it got. */
public record SmsMessage(UUID id, String templateKey, String language, String status, String body, Instant createdAt,
        Instant notBefore, Instant sentAt, Instant deliveredAt, String errorCode) {

    public String text() {
        return body == null ? templateKey : body;
    }
}
