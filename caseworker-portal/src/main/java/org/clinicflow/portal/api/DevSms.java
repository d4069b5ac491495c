package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.UUID;

/** A text the local stack's development gateway "sent" (notification-service's {@code /dev/sms}); never in production. */
public record DevSms(UUID id, String to, String body, String language, String status, Instant createdAt) {
}
