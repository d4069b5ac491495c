package org.clinicflow.portal.api;

import java.time.LocalDate;
import java.time.LocalTime;

/** A bookable slot: its start as scheduling-service names it, the local date and time, and seats left. */
public record FreeSlot(String slotStart, LocalDate localDate, LocalTime localTime, int free) {
}
