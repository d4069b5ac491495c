package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.UUID;

/** A reply the applicant texted, as notification-service read it: the intent (confirm, cancel, help, ...) and the text. */
public record SmsReply(UUID id, String intent, String body, Instant receivedAt) {
}
