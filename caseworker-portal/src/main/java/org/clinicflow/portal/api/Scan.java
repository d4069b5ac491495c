package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.UUID;

/** A stored scan's metadata (document-service); its bytes are fetched, and audited, one at a time. */
public record Scan(UUID id, String documentType, String mediaType, int sizeBytes, int pages, String uploadedBy, Instant uploadedAt) {
}
