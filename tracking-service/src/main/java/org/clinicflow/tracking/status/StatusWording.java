package org.clinicflow.tracking.status;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.clinicflow.events.tracking.UscisStatus;

/**
 * USCIS's English status titles, mapped to the clinic's codes. Titles are matched whole, without
 * regard to case or spacing (USCIS capitalizes "To Me" and "to Me" both); the rejection titles
 * vary in their reason, so any title that starts "Case Was Rejected" or "Case Rejected" is a
 * rejection. A title with no rule is {@link UscisStatus#UNKNOWN}: kept as worded and flagged for
 * a person, never guessed. Titles from USCIS's case status pages and the Case Status API's
 * published examples; tested title by title in {@code StatusWordingTest}.
 */
public final class StatusWording {

    private static final Map<String, UscisStatus> NORMALIZED = new LinkedHashMap<>();

    static {
        put(UscisStatus.RECEIVED, "Case Was Received", "Case Was Received And A Receipt Notice Was Sent",
                "Case Was Received And A Receipt Notice Was Emailed", "Fees Were Waived", "Fee Waiver Was Approved",
                "Case Was Transferred And A New Office Has Jurisdiction");
        put(UscisStatus.IN_REVIEW, "Case Is Being Actively Reviewed By USCIS", "Case Was Updated To Show Fingerprints Were Taken",
                "Fingerprint Fee Was Received", "Biometrics Appointment Was Scheduled", "Interview Was Scheduled");
        put(UscisStatus.EVIDENCE_REQUESTED, "Request for Evidence Was Sent", "Request For Initial Evidence Was Sent",
                "Request for Additional Evidence Was Sent", "Notice of Intent to Deny Was Sent");
        put(UscisStatus.EVIDENCE_RECEIVED, "Response To USCIS' Request For Evidence Was Received",
                "Request For Evidence Response Was Received", "Correspondence Was Received And USCIS Is Reviewing It");
        put(UscisStatus.APPROVED, "Case Was Approved");
        put(UscisStatus.CARD_PRODUCED, "Card Is Being Produced", "New Card Is Being Produced");
        put(UscisStatus.CARD_MAILED, "Card Was Mailed To Me", "Card Was Picked Up By The United States Postal Service",
                "Card Was Reordered And Mailed");
        put(UscisStatus.CARD_DELIVERED, "Card Was Delivered To Me By The Post Office", "Card Was Received By USCIS Along With My Letter");
        put(UscisStatus.RETURNED, "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It",
                "Card Was Returned To USCIS");
        put(UscisStatus.DENIED, "Case Was Denied");
    }

    private StatusWording() {
    }

    /** The clinic's code for a USCIS title; {@link UscisStatus#UNKNOWN} when no rule matches. */
    public static UscisStatus of(String title) {
        if (title == null || title.isBlank()) {
            return UscisStatus.UNKNOWN;
        }
        String key = normalize(title);
        UscisStatus mapped = NORMALIZED.get(key);
        if (mapped != null) {
            return mapped;
        }
        if (key.startsWith("case was rejected") || key.startsWith("case rejected")) {
            return UscisStatus.REJECTED;
        }
        return UscisStatus.UNKNOWN;
    }

    private static void put(UscisStatus status, String... titles) {
        for (String title : titles) {
            NORMALIZED.put(normalize(title), status);
        }
    }

    private static String normalize(String title) {
        return title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
