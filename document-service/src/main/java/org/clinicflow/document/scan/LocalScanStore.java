package org.clinicflow.document.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.clinicflow.web.crypto.AesGcm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scans as encrypted files in a local folder ({@code clinic.documents.scans.directory}), named
 * by a random UUID in a two-letter subfolder; written to a temporary name and moved, so a crash
 * never leaves half a file under a real key. AES-256-GCM with
 * {@code clinic.documents.scans.encryption-key}. Tested by {@code ScanResourceTest}.
 */
@ApplicationScoped
public class LocalScanStore implements ScanStore {

    private final Path root;
    private final AesGcm cipher;

    LocalScanStore(@ConfigProperty(name = "clinic.documents.scans.directory") String directory,
            @ConfigProperty(name = "clinic.documents.scans.encryption-key") String key) {
        this.root = Path.of(directory);
        this.cipher = AesGcm.fromBase64(key, "clinic.documents.scans.encryption-key");
    }

    @Override
    public String put(byte[] content) {
        String key = UUID.randomUUID().toString();
        Path file = path(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
            Files.write(temporary, cipher.encrypt(content));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a scan", e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return cipher.decrypt(Files.readAllBytes(path(key)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a scan", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete a scan", e);
        }
    }

    /** The file of a key; package-visible so tests can look at what is on disk. */
    Path path(String key) {
        UUID.fromString(key); // only our own keys: no path tricks
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
