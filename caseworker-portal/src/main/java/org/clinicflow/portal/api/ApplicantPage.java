package org.clinicflow.portal.api;

import java.util.List;

/** One page of intake's search: the cases, which page, and whether another follows. */
public record ApplicantPage(List<Applicant> items, int page, int size, boolean hasMore) {
}
