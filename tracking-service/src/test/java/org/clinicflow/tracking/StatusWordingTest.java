package org.clinicflow.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.tracking.status.StatusWording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * USCIS's titles, as USCIS words them on its case status pages and in the Case Status API's
 * published examples (the list among them), map to the clinic's codes; spacing and case
 * do not matter; a rejection's reason does not; a title nobody mapped is UNKNOWN, never guessed.
 */
class StatusWordingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Case Was Received|RECEIVED",
            "Case Was Received And A Receipt Notice Was Sent|RECEIVED",
            "Case Is Being Actively Reviewed By USCIS|IN_REVIEW",
            "Request for Evidence Was Sent|EVIDENCE_REQUESTED",
            "Response To USCIS' Request For Evidence Was Received|EVIDENCE_RECEIVED",
            "Case Was Approved|APPROVED",
            "Card Is Being Produced|CARD_PRODUCED",
            "Card Was Mailed To Me|CARD_MAILED",
            "Card Was Mailed to Me|CARD_MAILED",
            "Card Was Picked Up By The United States Postal Service|CARD_MAILED",
            "Card Was Delivered To Me By The Post Office|CARD_DELIVERED",
            "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It|RETURNED",
            "Case Was Denied|DENIED",
            "Case Was Rejected|REJECTED",
            "Case Was Rejected Because It Was Improperly Filed|REJECTED",
            "Case Rejected Because I Sent An Incorrect Fee|REJECTED",
            "  case was   APPROVED |APPROVED",
            "Case Was Transferred And A New Office Has Jurisdiction|RECEIVED",
            "Case Was Sent To The Department of State|UNKNOWN",
            "Withdrawal Acknowledgement Notice Was Sent|UNKNOWN",
            "''|UNKNOWN"})
    void mapsUscisTitles(String title, UscisStatus expected) {
        assertEquals(expected, StatusWording.of(title));
    }
}
