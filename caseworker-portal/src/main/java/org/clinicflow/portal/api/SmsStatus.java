package org.clinicflow.portal.api;

import java.time.Instant;

/** Whether texts reach the applicant (notification-service): consent, a number, and a STOP and when. */
public record SmsStatus(boolean smsConsent, boolean phoneKnown, boolean optedOut, Instant optedOutAt, boolean withdrawn) {
}
