package org.clinicflow.document.scan;

/**
 * Where scans live, outside the database: put returns an opaque random key (never the
 * applicant's name or the document type), get and delete take it. Implementations encrypt at
 * rest. {@link LocalScanStore} is the default; an S3-compatible store can implement the same
 * interface for production.
 */
public interface ScanStore {

    String put(byte[] content);

    byte[] get(String key);

    void delete(String key);
}
