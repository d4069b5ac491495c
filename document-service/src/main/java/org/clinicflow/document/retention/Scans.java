package org.clinicflow.document.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.document.scan.Scan;
import org.clinicflow.document.scan.ScanStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded scans, once {@code clinic.retention.scans} has passed since the upload (default a year:
 * the review and the visit are long over): the encrypted file and its row are deleted. What a
 * caseworker decided about the document (verified, rejected, by whom) stays on the checklist.
 * The file goes before the row, so a crash in between leaves a row whose file is gone, never an
 * orphaned file nobody can find. Tested by {@code ScanResourceTest}.
 */
@ApplicationScoped
public class Scans extends NamedDataClass {

    private final ScanStore store;

    Scans(ScanStore store, @ConfigProperty(name = "clinic.retention.scans", defaultValue = "P365D") Duration period) {
        super("scans", "Uploaded document scans: the encrypted file and its record deleted; the checklist's decisions kept", period);
        this.store = store;
    }

    @Override
    public long due(Instant cutoff) {
        return Scan.count("uploadedAt < ?1", cutoff);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        List<Scan> scans = Scan.<Scan>find("uploadedAt < ?1 order by uploadedAt", cutoff).page(0, limit).list();
        for (Scan scan : scans) {
            store.delete(scan.storageKey);
            scan.delete();
        }
        return scans.size();
    }
}
