package org.clinicflow.intake.applicant;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clinicflow.intake.identity.PhoneNumbers;

/**
 * A search over cases: free text {@code q} read as an A-number suffix ("1234", "A-•••••1234"),
 * a phone number, or name prefixes ("mar gonz" finds María González); plus filters by stage,
 * site, language and category; or the cases named by id (a day's appointment list naming its
 * people in one call); or one household's members (the portal's household chooser and the case
 * page's family list). Every clause uses an index.
 */
public record ApplicantSearch(String q, String stage, String siteId, String language, String category, List<UUID> ids,
        UUID householdId) {

    private static final Pattern A_NUMBER_SUFFIX = Pattern.compile("(?i)(?:a-?[•*x]*)?(\\d{4})");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().-]{7,}");

    void appendTo(StringBuilder where, Map<String, Object> params) {
        filter(where, params, "stageCode", "stage", stage);
        filter(where, params, "siteId", "siteFilter", siteId);
        filter(where, params, "preferredLanguage", "language", language);
        filter(where, params, "category", "category", category);
        if (ids != null && !ids.isEmpty()) {
            where.append(" and id in :ids");
            params.put("ids", ids);
        }
        if (householdId != null) {
            where.append(" and householdId = :household");
            params.put("household", householdId);
        }
        if (q == null || q.isBlank()) {
            return;
        }
        String text = q.trim();
        var suffix = A_NUMBER_SUFFIX.matcher(text.replace(" ", ""));
        if (suffix.matches()) {
            where.append(" and aNumberLast4 = :last4");
            params.put("last4", suffix.group(1));
            return;
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            Optional<String> phone = PhoneNumbers.toE164(text, PhoneNumbers.DEFAULT_REGION);
            where.append(" and phone = :phone");
            params.put("phone", phone.orElse(text));
            return;
        }
        List<String> terms = Arrays.stream(NameKeys.of(text).split(" ")).filter(t -> !t.isBlank()).limit(4).toList();
        for (int i = 0; i < terms.size(); i++) {
            String p = "term" + i;
            where.append(" and (givenKey like :").append(p).append(" or familyKey like :").append(p).append(")");
            params.put(p, escapeLike(terms.get(i)) + "%");
        }
    }

    /** Which filters were used, for the audit log: names only, never the search text. */
    String describe() {
        StringBuilder d = new StringBuilder();
        if (q != null && !q.isBlank()) {
            d.append("q ");
        }
        if (stage != null) {
            d.append("stage ");
        }
        if (siteId != null) {
            d.append("site ");
        }
        if (language != null) {
            d.append("language ");
        }
        if (category != null) {
            d.append("category ");
        }
        if (ids != null && !ids.isEmpty()) {
            d.append("ids ");
        }
        if (householdId != null) {
            d.append("household");
        }
        return d.toString().trim();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String field, String param, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(param);
            params.put(param, value);
        }
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
