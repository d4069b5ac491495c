package org.clinicflow.events.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an applicant's SMS reply asks for, whatever language it was written in. */
public enum ReplyIntent {
    @JsonProperty("confirm")
    CONFIRM,
    @JsonProperty("reschedule")
    RESCHEDULE,
    @JsonProperty("cancel")
    CANCEL
}
